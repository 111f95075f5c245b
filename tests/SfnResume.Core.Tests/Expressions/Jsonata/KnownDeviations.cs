namespace SfnResume.Core.Tests.Expressions.Jsonata;

/// <summary>Suite cases this implementation does not pass, each with a reason a reader can check.</summary>
internal static class KnownDeviations
{
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
