using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>The matcher-based string functions: $contains, $match, $replace, $split.</summary>
internal static partial class Builtins
{
    /// <summary>Runs a matcher (regex literal or a user function returning match objects) over a string.</summary>
    internal static IEnumerable<MatchInfo> RunMatcher(CallContext c, object? matcher, string str)
    {
        if (matcher is RegexFunction regex)
        {
            foreach (var m in RegexTranslator.Matches(regex, str))
            {
                yield return m;
            }

            yield break;
        }

        var fn = (JFunction)matcher!;
        var result = c.Call(fn, str);
        while (result is not null)
        {
            if (result is not JMap obj || !(obj.Get("start") is double || obj.Get("end") is double || obj.Get("groups") is JList || obj.Get("next") is JFunction))
            {
                throw JsonataException.Create("T1010", c.Position, c.Token);
            }

            var groups = obj.Get("groups") is JList gl ? new List<object?>(gl) : [];
            var start = obj.Get("start") is double sd ? (int)sd : 0;
            var match = obj.Get("match") as string ?? string.Empty;
            var end = obj.Get("end") is double ed ? (int)ed : start + match.Length;
            yield return new MatchInfo(match, start, end, groups);
            result = obj.Get("next") is JFunction next ? c.Call(next) : null;
        }
    }

    private static bool Contains(CallContext c, string s, object? token)
    {
        if (token is string t)
        {
            return s.Contains(t, StringComparison.Ordinal);
        }

        foreach (var unused in RunMatcher(c, token, s))
        {
            return true;
        }

        return false;
    }

    private static object? Match(CallContext c, List<object?> a)
    {
        if (a[0] is not string s)
        {
            return null;
        }

        var limit = a.Count > 2 && a[2] is double lim ? Math.Truncate(lim) : (double?)null;
        if (limit < 0)
        {
            throw JsonataException.Create("D3040", c.Position, c.Token, limit);
        }

        var result = JList.NewSequence();
        if (limit is null || limit > 0)
        {
            var count = 0;
            foreach (var m in RunMatcher(c, a[1], s))
            {
                if (limit is not null && count >= limit)
                {
                    break;
                }

                var obj = new JMap();
                obj.Set("match", m.Match);
                obj.Set("index", (double)m.Start);
                var groups = new JList();
                foreach (var g in m.Groups)
                {
                    groups.Add(g ?? (object)JNull.Instance);
                }

                obj.Set("groups", groups);
                result.Add(obj);
                count++;
            }
        }

        return result;
    }

    private static object? Replace(CallContext c, List<object?> a)
    {
        if (a[0] is not string str)
        {
            return null;
        }

        var pattern = a[1];
        var replacement = a[2];
        if (pattern is string { Length: 0 })
        {
            throw JsonataException.Create("D3010", c.Position, c.Token, pattern);
        }

        var limit = a.Count > 3 && a[3] is double lim ? Math.Truncate(lim) : (double?)null;
        if (limit < 0)
        {
            throw JsonataException.Create("D3011", c.Position, c.Token, limit);
        }

        if (limit is not null && limit <= 0)
        {
            return str;
        }

        var sb = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string p)
        {
            var index = str.IndexOf(p, position, StringComparison.Ordinal);
            while (index != -1 && (limit is null || count < limit))
            {
                sb.Append(str, position, index - position);
                sb.Append(replacement is string rs ? rs : string.Empty);
                position = index + p.Length;
                count++;
                index = str.IndexOf(p, position, StringComparison.Ordinal);
            }

            sb.Append(str, position, str.Length - position);
            return sb.ToString();
        }

        foreach (var m in RunMatcher(c, pattern, str))
        {
            if (limit is not null && count >= limit)
            {
                break;
            }

            sb.Append(str, position, Math.Max(0, m.Start - position));
            if (replacement is string template)
            {
                sb.Append(Substitute(template, m));
            }
            else
            {
                var obj = new JMap();
                obj.Set("match", m.Match);
                obj.Set("index", (double)m.Start);
                obj.Set("start", (double)m.Start);
                obj.Set("end", (double)m.End);
                obj.Set("groups", new JList(m.Groups.Select(g => g ?? (object)string.Empty)));
                var replaced = c.Call((JFunction)replacement!, obj);
                if (replaced is not string rs)
                {
                    throw JsonataException.Create("D3012", c.Position, c.Token, replaced);
                }

                sb.Append(rs);
            }

            position = m.Start + m.Match.Length;
            count++;
        }

        sb.Append(str, position, str.Length - position);
        return sb.ToString();
    }

    private static string Substitute(string replacement, MatchInfo m)
    {
        var sb = new StringBuilder();
        var position = 0;
        var index = replacement.IndexOf('$', position);
        while (index != -1 && position < replacement.Length)
        {
            sb.Append(replacement, position, index - position);
            position = index + 1;
            var dollarVal = position < replacement.Length ? replacement[position] : '\0';
            if (dollarVal == '$')
            {
                sb.Append('$');
                position++;
            }
            else if (dollarVal == '0')
            {
                sb.Append(m.Match);
                position++;
            }
            else
            {
                var maxDigits = m.Groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(m.Groups.Count)) + 1;
                var groupIndex = ParseLeadingInt(replacement, position, maxDigits);
                if (maxDigits > 1 && groupIndex > m.Groups.Count)
                {
                    groupIndex = ParseLeadingInt(replacement, position, maxDigits - 1);
                }

                if (groupIndex is { } gi)
                {
                    if (m.Groups.Count > 0 && gi >= 1 && gi <= m.Groups.Count && m.Groups[gi - 1] is string sub)
                    {
                        sb.Append(sub);
                    }

                    position += gi.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    sb.Append('$');
                }
            }

            index = replacement.IndexOf('$', position);
        }

        if (position < replacement.Length)
        {
            sb.Append(replacement, position, replacement.Length - position);
        }

        return sb.ToString();
    }

    // parseInt(text.substring(position, position + digits), 10): leading digits, or null when none
    private static int? ParseLeadingInt(string s, int position, int digits)
    {
        var end = Math.Min(s.Length, position + digits);
        var i = position;
        while (i < end && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == position ? null : int.Parse(s.AsSpan(position, i - position), CultureInfo.InvariantCulture);
    }

    private static object? Split(CallContext c, List<object?> a)
    {
        if (a[0] is not string str)
        {
            return null;
        }

        var limit = a.Count > 2 && a[2] is double lim ? Math.Truncate(lim) : (double?)null;
        if (limit < 0)
        {
            throw JsonataException.Create("D3020", c.Position, c.Token, limit);
        }

        var result = new JList();
        if (limit is not null && limit <= 0)
        {
            return result;
        }

        if (a[1] is string sep)
        {
            IEnumerable<string> parts = sep.Length == 0 ? str.Select(ch => ch.ToString()) : str.Split(sep);
            foreach (var part in parts)
            {
                if (limit is not null && result.Count >= limit)
                {
                    break;
                }

                result.Add(part);
            }

            return result;
        }

        var count = 0;
        var start = 0;
        var any = false;
        foreach (var m in RunMatcher(c, a[1], str))
        {
            if (limit is not null && count >= limit)
            {
                break;
            }

            any = true;
            result.Add(str[start..Math.Max(start, m.Start)]);
            start = m.End;
            count++;
        }

        if (!any)
        {
            result.Add(str);
        }
        else if (limit is null || count < limit)
        {
            result.Add(str[Math.Min(start, str.Length)..]);
        }

        return result;
    }
}
