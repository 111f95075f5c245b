using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Compiles the recorder's (Python) regexes for .NET. The corpus uses only the common subset; one difference
/// matters: Python reads a <c>-</c> right after a range (<c>[0-9-/]</c>) as a literal, so it is escaped here.
/// </summary>
internal static partial class PythonRegex
{
    private static readonly ConcurrentDictionary<string, Regex> s_cache = new(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<=[A-Za-z0-9]-[A-Za-z0-9])-(?=[^\]])", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenAfterRange();

    public static Regex Create(string pattern) =>
        s_cache.GetOrAdd(pattern, p => new Regex(EscapeHyphensAfterRanges(p), RegexOptions.CultureInvariant));

    internal static string EscapeHyphensAfterRanges(string pattern)
    {
        // Only inside character classes: walk the pattern and rewrite class bodies.
        var result = new System.Text.StringBuilder(pattern.Length);
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[i + 1]);
                i += 2;
                continue;
            }

            if (c != '[')
            {
                result.Append(c);
                i++;
                continue;
            }

            int end = i + 1;
            if (end < pattern.Length && pattern[end] == '^')
            {
                end++;
            }

            if (end < pattern.Length && pattern[end] == ']')
            {
                end++;
            }

            while (end < pattern.Length && pattern[end] != ']')
            {
                end += pattern[end] == '\\' ? 2 : 1;
            }

            if (end >= pattern.Length)
            {
                result.Append(pattern, i, pattern.Length - i);
                break;
            }

            result.Append(HyphenAfterRange().Replace(pattern[i..(end + 1)], @"\-"));
            i = end + 1;
        }

        return result.ToString();
    }
}
