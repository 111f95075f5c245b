namespace SfnResume.Engine.Conformance;

/// <summary>
/// The first difference between a recorded case and an engine's normalised execution: which aspect
/// (<c>status</c>, <c>output</c>, <c>error</c>, <c>cause</c>, <c>events</c>), the JSON path of the difference
/// (events and result are addressed as in <c>GetExecutionHistory</c>: <c>$.events[3].stateExitedEventDetails.output.a</c>),
/// and both values, shortened.
/// </summary>
public sealed record ConformanceMismatch(string Aspect, string Path, string Expected, string Actual)
{
    /// <summary>Value texts longer than this are cut in the middle.</summary>
    public const int MaxValueLength = 200;

    public override string ToString() => $"{Aspect} differs at {Path}: expected {Expected}, actual {Actual}";

    internal static string Shorten(string text)
    {
        if (text.Length <= MaxValueLength)
        {
            return text;
        }

        int half = (MaxValueLength - 5) / 2;
        return string.Concat(text.AsSpan(0, half), " ... ", text.AsSpan(text.Length - half));
    }
}
