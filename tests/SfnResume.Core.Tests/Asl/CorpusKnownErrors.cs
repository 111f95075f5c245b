namespace SfnResume.Core.Tests.Asl;

/// <summary>
/// Corpus definitions that ran on AWS yet get error diagnostics here, each with the reason. The codes
/// listed are the ones expected, so a change in what is reported still fails the test.
/// </summary>
internal static class CorpusKnownErrors
{
    private static readonly Dictionary<string, (string[] Codes, string Reason)> s_known = new(StringComparer.Ordinal)
    {
    };

    public static IReadOnlyCollection<string> For(string caseFile) =>
        s_known.TryGetValue(caseFile, out var entry) ? entry.Codes : [];

    public static IReadOnlyDictionary<string, (string[] Codes, string Reason)> All => s_known;
}
