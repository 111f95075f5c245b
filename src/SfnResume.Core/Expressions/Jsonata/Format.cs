using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>JavaScript-compatible number and JSON text (Number.prototype.toString, JSON.stringify).</summary>
internal static class Format
{
    /// <summary>ECMAScript Number::toString(10) for a finite or non-finite double.</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Infinity";
        }

        if (d == 0)
        {
            return "0";
        }

        if (Math.Abs(d) < 1e15 && Math.Floor(d) == d)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        // split "R" output into significant digits and decimal exponent
        var exponent = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        string digits;
        int pointPos;
        if (dot >= 0)
        {
            digits = r[..dot] + r[(dot + 1)..];
            pointPos = dot;
        }
        else
        {
            digits = r;
            pointPos = r.Length;
        }

        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        pointPos -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var k = digits.Length;
        var n = pointPos + exponent;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Number(x.toPrecision(15)): how $string and JSON output normalise numbers.</summary>
    public static double Precision15(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d) || d == 0)
        {
            return d;
        }

        return double.Parse(d.ToString("E14", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>String(value) for message templates.</summary>
    public static string ToDisplayString(object value) => value switch
    {
        string s => s,
        double d => NumberToString(d),
        bool b => b ? "true" : "false",
        JNull => "null",
        _ => ToJson(value, false),
    };

    /// <summary>JSON.stringify with JSONata's replacer (15 significant digits, functions as "").</summary>
    public static string ToJson(object? value, bool pretty, int checkFinitePosition = int.MinValue)
    {
        var sb = new StringBuilder();
        Write(sb, value, pretty, 0, checkFinitePosition);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool pretty, int indent, int checkFinite = int.MinValue)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case JNull:
                sb.Append("null");
                return;
            case string s:
                WriteString(sb, s);
                return;
            case double d:
                if (double.IsInfinity(d) && checkFinite != int.MinValue)
                {
                    throw JsonataException.Create("D1001", checkFinite, null, d);
                }

                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    sb.Append("null");
                }
                else
                {
                    // integers are written exactly; other numbers with 15 significant digits (JSONata's $string)
                    sb.Append(NumberToString(Math.Floor(d) == d ? d : Precision15(d)));
                }

                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case JFunction:
                sb.Append("\"\"");
                return;
            case JList list:
                {
                    if (list.Count == 0)
                    {
                        sb.Append("[]");
                        return;
                    }

                    sb.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        NewLine(sb, pretty, indent + 1);
                        Write(sb, list[i], pretty, indent + 1, checkFinite);
                    }

                    NewLine(sb, pretty, indent);
                    sb.Append(']');
                    return;
                }

            case JMap map:
                {
                    var first = true;
                    sb.Append('{');
                    foreach (var kv in map.Entries)
                    {
                        if (kv.Value is null)
                        {
                            continue;
                        }

                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        NewLine(sb, pretty, indent + 1);
                        WriteString(sb, kv.Key);
                        sb.Append(pretty ? ": " : ":");
                        Write(sb, kv.Value, pretty, indent + 1, checkFinite);
                    }

                    if (!first)
                    {
                        NewLine(sb, pretty, indent);
                    }

                    sb.Append('}');
                    return;
                }

            default:
                WriteString(sb, value.ToString() ?? string.Empty);
                return;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int indent)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
