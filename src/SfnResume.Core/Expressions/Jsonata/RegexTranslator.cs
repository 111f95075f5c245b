using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>One match of a matcher: the matched text, its start and end, and the capture groups.</summary>
internal sealed record MatchInfo(string Match, int Start, int End, List<object?> Groups);

/// <summary>
/// Translates JavaScript regular expression syntax to .NET: ASCII-only \d and \w, '$' that does not
/// match before a final newline, and '[^]'. Flags i and m map to IgnoreCase and Multiline.
/// </summary>
internal static class RegexTranslator
{
    private static readonly ConcurrentDictionary<RegexLiteral, Regex> s_cache = new();

    public static RegexFunction CreateFunction(RegexLiteral literal, int position) =>
        new(s_cache.GetOrAdd(literal, Compile), literal.Pattern, position);

    private static Regex Compile(RegexLiteral literal)
    {
        var options = RegexOptions.CultureInvariant;
        if (literal.Flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        var multiline = literal.Flags.Contains('m', StringComparison.Ordinal);
        if (multiline)
        {
            options |= RegexOptions.Multiline;
        }

        return new Regex(Translate(literal.Pattern, multiline), options);
    }

    internal static string Translate(string pattern, bool multiline)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var n = pattern[i + 1];
                i++;
                switch (n)
                {
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        sb.Append(inClass ? "\\D" : "[^0-9]");
                        break;
                    case 'w':
                        sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W':
                        sb.Append(inClass ? "\\W" : "[^a-zA-Z0-9_]");
                        break;
                    case '/':
                        sb.Append('/');
                        break;
                    default:
                        sb.Append('\\').Append(n);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
                continue;
            }

            if (c == '[')
            {
                if (pattern.AsSpan(i).StartsWith("[^]"))
                {
                    sb.Append("[\\s\\S]");
                    i += 2;
                    continue;
                }

                if (pattern.AsSpan(i).StartsWith("[]"))
                {
                    sb.Append("(?!)");
                    i += 1;
                    continue;
                }

                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    sb.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    sb.Append("\\]");
                    i++;
                }

                continue;
            }

            if (c == '$' && !multiline)
            {
                sb.Append("(?!\\n)$");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The first match at or after <paramref name="from"/>, as JavaScript's exec with lastIndex.</summary>
    public static MatchInfo? Match(Regex regex, string str, int from)
    {
        if (from > str.Length)
        {
            return null;
        }

        var m = regex.Match(str, from);
        if (!m.Success)
        {
            return null;
        }

        var groups = new List<object?>(m.Groups.Count - 1);
        for (var g = 1; g < m.Groups.Count; g++)
        {
            groups.Add(m.Groups[g].Success ? m.Groups[g].Value : null);
        }

        return new MatchInfo(m.Value, m.Index, m.Index + m.Length, groups);
    }

    /// <summary>All matches the JSONata way: after each match, continue at its end; an empty follow-up match is D1004.</summary>
    public static IEnumerable<MatchInfo> Matches(RegexFunction regex, string str)
    {
        var m = Match(regex.Regex, str, 0);
        while (m is not null)
        {
            yield return m;
            if (m.End >= str.Length)
            {
                yield break;
            }

            var next = Match(regex.Regex, str, m.End);
            if (next is not null && next.Match.Length == 0)
            {
                throw JsonataException.Create("D1004", regex.Position, null, regex.Source);
            }

            m = next;
        }
    }

    /// <summary>The object a regex returns when called as a function: match, start, end, groups, next.</summary>
    public static object? MatchObject(RegexFunction regex, string? str, int from)
    {
        if (str is null)
        {
            return null;
        }

        var m = Match(regex.Regex, str, from);
        if (m is null)
        {
            return null;
        }

        var obj = new JMap();
        obj.Set("match", m.Match);
        obj.Set("start", (double)m.Start);
        obj.Set("end", (double)m.End);
        var groups = new JList();
        foreach (var g in m.Groups)
        {
            groups.Add(g ?? string.Empty);
        }

        obj.Set("groups", groups);
        obj.Set("next", new NativeFunction("next", "<:o>", (ctx, _) =>
        {
            if (m.End >= str.Length)
            {
                return null;
            }

            var next = MatchObject(regex, str, m.End);
            if (next is JMap nm && nm.Get("match") is string { Length: 0 })
            {
                throw JsonataException.Create("D1004", regex.Position, null, regex.Source);
            }

            return next;
        }));
        return obj;
    }
}
