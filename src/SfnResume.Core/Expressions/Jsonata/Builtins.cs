using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>The JSONata standard library: registry and the string functions.</summary>
internal static partial class Builtins
{
    private static readonly FrozenDictionary<string, NativeFunction> s_standard = BuildStandard();
    private static readonly FrozenDictionary<string, NativeFunction> s_stepFunctions = BuildStepFunctions();

    public static NativeFunction? Find(string name, bool stepFunctions)
    {
        if (stepFunctions)
        {
            if (s_stepFunctions.TryGetValue(name, out var sf))
            {
                return sf;
            }

            if (name == "eval")
            {
                return null;
            }
        }

        return s_standard.TryGetValue(name, out var f) ? f : null;
    }

    private static FrozenDictionary<string, NativeFunction> BuildStandard()
    {
        var d = new Dictionary<string, NativeFunction>(StringComparer.Ordinal);
        void Add(string name, string sig, NativeImplementation impl) => d[name] = new NativeFunction(name, sig, impl);

        // aggregation
        Add("sum", "<a<n>:n>", (c, a) => a[0] is JList l ? Sum(l) : null);
        Add("count", "<a:n>", (c, a) => a[0] is JList l ? (double)l.Count : 0d);
        Add("max", "<a<n>:n>", (c, a) => MinMax(a[0], true));
        Add("min", "<a<n>:n>", (c, a) => MinMax(a[0], false));
        Add("average", "<a<n>:n>", (c, a) => a[0] is JList { Count: > 0 } l ? Sum(l) / l.Count : null);

        // strings
        Add("string", "<x-b?:s>", (c, a) => a[0] is null ? null : StringOf(a[0], a.Count > 1 && a[1] is true, c.Position));
        Add("substring", "<s-nn?:s>", (c, a) => a[0] is string s ? Substring(s, (double)a[1]!, a.Count > 2 ? a[2] as double? : null) : null);
        Add("substringBefore", "<s-s:s>", (c, a) => a[0] is string s ? (a[1] is string t && s.IndexOf(t, StringComparison.Ordinal) is var p and > -1 ? s[..p] : s) : null);
        Add("substringAfter", "<s-s:s>", (c, a) => a[0] is string s ? (a[1] is string t && s.IndexOf(t, StringComparison.Ordinal) is var p and > -1 ? s[(p + t.Length)..] : s) : null);
        Add("lowercase", "<s-:s>", (c, a) => (a[0] as string)?.ToLowerInvariant());
        Add("uppercase", "<s-:s>", (c, a) => (a[0] as string)?.ToUpperInvariant());
        Add("length", "<s-:n>", (c, a) => a[0] is string s ? (double)CodePoints(s).Count : null);
        Add("trim", "<s-:s>", (c, a) => a[0] is string s ? Trim(s) : null);
        Add("pad", "<s-ns?:s>", (c, a) => a[0] is string s ? Pad(s, (double)a[1]!, a.Count > 2 ? a[2] as string : null) : null);
        Add("contains", "<s-(sf):b>", (c, a) => a[0] is string s && a[1] is not null ? Values.Bool(Contains(c, s, a[1])) : null);
        Add("match", "<s-f<s:o>n?:a<o>>", Match);
        Add("replace", "<s-(sf)(sf)n?:s>", Replace);
        Add("split", "<s-(sf)n?:a<s>>", Split);
        Add("join", "<a<s>s?:s>", (c, a) => a[0] is JList l ? string.Join(a.Count > 1 ? a[1] as string ?? string.Empty : string.Empty, l.Select(x => (string)x!)) : null);
        Add("formatNumber", "<n-so?:s>", (c, a) => a[0] is double n ? NumberFormatter.Format(n, (string)a[1]!, a.Count > 2 ? a[2] as JMap : null) : null);
        Add("formatBase", "<n-n?:s>", (c, a) => a[0] is double n ? FormatBase(n, a.Count > 1 ? a[1] as double? : null) : null);
        Add("formatInteger", "<n-s:s>", (c, a) => a[0] is double n ? IntegerFormatter.Format(n, (string)a[1]!) : null);
        Add("parseInteger", "<s-s:n>", (c, a) => a[0] is string s ? IntegerFormatter.Parse(s, (string)a[1]!) : null);
        Add("base64encode", "<s-:s>", (c, a) => a[0] is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : null);
        Add("base64decode", "<s-:s>", (c, a) => a[0] is string s ? Encoding.UTF8.GetString(Convert.FromBase64String(s)) : null);
        Add("encodeUrlComponent", "<s-:s>", (c, a) => a[0] is string s ? UrlCoding.Encode(s, true, c) : null);
        Add("encodeUrl", "<s-:s>", (c, a) => a[0] is string s ? UrlCoding.Encode(s, false, c) : null);
        Add("decodeUrlComponent", "<s-:s>", (c, a) => a[0] is string s ? UrlCoding.Decode(s, true, c) : null);
        Add("decodeUrl", "<s-:s>", (c, a) => a[0] is string s ? UrlCoding.Decode(s, false, c) : null);
        Add("eval", "<sx?:x>", Eval);

        AddNumeric(Add);
        AddData(Add);
        AddDateTime(Add);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static double Sum(JList l)
    {
        var total = 0d;
        foreach (var x in l)
        {
            total += (double)x!;
        }

        return total;
    }

    private static object? MinMax(object? arg, bool max)
    {
        if (arg is not JList { Count: > 0 } l)
        {
            return null;
        }

        var r = max ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var x in l)
        {
            var d = (double)x!;
            r = max ? Math.Max(r, d) : Math.Min(r, d);
        }

        return r;
    }

    /// <summary>$string: strings as is, functions as "", other values as JSON with 15 significant digits.</summary>
    public static string StringOf(object? arg, bool pretty, int position)
    {
        switch (arg)
        {
            case string s:
                return s;
            case JFunction:
                return string.Empty;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                throw JsonataException.Create("D3001", position, null, d);
            case JList { OuterWrapper: true, Count: > 0 } wrapper:
                return Format.ToJson(wrapper[0], pretty, position);
            default:
                return Format.ToJson(arg, pretty, position);
        }
    }

    internal static List<string> CodePoints(string s)
    {
        var list = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(s[i].ToString());
            }
        }

        return list;
    }

    private static string Substring(string str, double start, double? length)
    {
        var chars = CodePoints(str);
        var len = chars.Count;
        if (len + start < 0)
        {
            start = 0;
        }

        int Norm(double v)
        {
            var t = double.IsInfinity(v) ? (v > 0 ? len : -len - 1) : Math.Truncate(v);
            if (t < 0)
            {
                t = Math.Max(0, len + t);
            }

            return (int)Math.Min(t, len);
        }

        var from = Norm(start);
        int to;
        if (length is { } l)
        {
            if (l <= 0)
            {
                return string.Empty;
            }

            var end = start >= 0 ? start + l : len + start + l;
            to = Norm(end);
        }
        else
        {
            to = len;
        }

        return to <= from ? string.Empty : string.Concat(chars.GetRange(from, to - from));
    }

    private static string Trim(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inWs = false;
        foreach (var ch in s)
        {
            if (ch is ' ' or '\t' or '\n' or '\r')
            {
                if (!inWs)
                {
                    sb.Append(' ');
                }

                inWs = true;
            }
            else
            {
                sb.Append(ch);
                inWs = false;
            }
        }

        var r = sb.ToString();
        if (r.StartsWith(' '))
        {
            r = r[1..];
        }

        if (r.EndsWith(' '))
        {
            r = r[..^1];
        }

        return r;
    }

    private static string Pad(string s, double width, string? ch)
    {
        if (string.IsNullOrEmpty(ch))
        {
            ch = " ";
        }

        var padLength = (int)Math.Floor(Math.Abs(width)) - CodePoints(s).Count;
        if (padLength <= 0)
        {
            return s;
        }

        var sb = new StringBuilder();
        while (CodePoints(sb.ToString()).Count < padLength)
        {
            sb.Append(ch);
        }

        var padding = Substring(sb.ToString(), 0, padLength);
        return width > 0 ? s + padding : padding + s;
    }

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
                    groups.Add(g ?? string.Empty);
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

    private static string FormatBase(double value, double? radix)
    {
        var r = radix is null ? 10 : (int)Math.Round(radix.Value, MidpointRounding.ToEven);
        if (r < 2 || r > 36)
        {
            throw JsonataException.Create("D3100", -1, null, radix);
        }

        var v = (long)RoundHalfEven(value);
        if (v == 0)
        {
            return "0";
        }

        var negative = v < 0;
        var u = (ulong)Math.Abs(v);
        var sb = new StringBuilder();
        while (u > 0)
        {
            var digit = (int)(u % (ulong)r);
            sb.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            u /= (ulong)r;
        }

        return negative ? "-" + sb : sb.ToString();
    }

    private static object? Eval(CallContext c, List<object?> a)
    {
        if (a[0] is not string expr)
        {
            return null;
        }

        var input = c.Input;
        if (a.Count > 1 && a[1] is not null)
        {
            input = a[1];
            if (input is JList { Sequence: false } arr)
            {
                var wrapped = JList.NewSequence(arr);
                wrapped.OuterWrapper = true;
                input = wrapped;
            }
        }

        Node ast;
        try
        {
            ast = Parser.Parse(expr);
        }
        catch (JsonataException e)
        {
            throw JsonataException.Create("D3120", c.Position, c.Token, e.Description);
        }

        try
        {
            return c.Evaluator.Evaluate(ast, input, c.Environment);
        }
        catch (JsonataException e)
        {
            throw JsonataException.Create("D3121", c.Position, c.Token, e.Description);
        }
    }
}
