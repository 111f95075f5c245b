using System.Text.RegularExpressions;

namespace SfnResume.Engine.Conformance;

/// <summary>Groups failures by likely cause, so the largest groups point at the engine fixes that pay most.</summary>
internal static partial class ConformanceFailureGroups
{
    [GeneratedRegex(@"\[[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();

    [GeneratedRegex(@"'[^']*'|""[^""]*""|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    public static string ForMismatch(ConformanceMismatch mismatch)
    {
        string path = Index().Replace(mismatch.Path, "[]");
        if (mismatch.Aspect == "status")
        {
            // The engine's error name says more than the status pair.
            int open = mismatch.Actual.IndexOf('(', StringComparison.Ordinal);
            int colon = mismatch.Actual.IndexOf(':', StringComparison.Ordinal);
            string error = open >= 0 && colon > open ? mismatch.Actual[(open + 1)..colon] : mismatch.Actual;
            return $"status {mismatch.Expected} -> {error}";
        }

        if (mismatch.Expected.StartsWith("end of history", StringComparison.Ordinal)
            || mismatch.Actual.StartsWith("end of history", StringComparison.Ordinal))
        {
            string Describe(string side) => Literal().Replace(side, "_");
            return $"{mismatch.Aspect} length: expected {Describe(mismatch.Expected)}, actual {Describe(mismatch.Actual)}";
        }

        return $"{mismatch.Aspect} at {path}";
    }

    public static string ForReason(string reason)
    {
        string firstLine = reason.Split('\n', 2)[0];
        string general = Literal().Replace(firstLine, "_");
        return general.Length <= 120 ? general : general[..120];
    }
}
