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
        Add("base64encode", "<s-:s>", (c, a) => a[0] is string s ? Base64Encode(s) : null);
        Add("base64decode", "<s-:s>", (c, a) => a[0] is string s ? Base64Decode(s) : null);
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

    // The reference implementation uses Node's Buffer with 'binary' (Latin-1): one byte per UTF-16 unit.
    private static string Base64Encode(string s)
    {
        var bytes = new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            bytes[i] = (byte)s[i];
        }

        return Convert.ToBase64String(bytes);
    }

    // Buffer.from(text, 'base64') skips characters outside the alphabet and tolerates missing padding.
    private static string Base64Decode(string s)
    {
        var clean = new StringBuilder(s.Length + 3);
        foreach (var ch in s)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch is '+' or '/')
            {
                clean.Append(ch);
            }
            else if (ch == '-')
            {
                clean.Append('+');
            }
            else if (ch == '_')
            {
                clean.Append('/');
            }
        }

        if (clean.Length % 4 == 1)
        {
            clean.Length--;
        }

        while (clean.Length % 4 != 0)
        {
            clean.Append('=');
        }

        var bytes = Convert.FromBase64String(clean.ToString());
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
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
