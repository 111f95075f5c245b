using System.Globalization;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Numeric functions: $number, $abs, $floor, $ceil, $round (half to even), $sqrt, $power, $random.</summary>
internal static partial class Builtins
{
    [GeneratedRegex("^-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?$")]
    private static partial Regex DecimalNumber();

    private static void AddNumeric(Action<string, string, NativeImplementation> add)
    {
        add("number", "<(nsb)-:n>", (c, a) => ToNumber(a[0], c));
        add("abs", "<n-:n>", (c, a) => a[0] is double d ? Math.Abs(d) : null);
        add("floor", "<n-:n>", (c, a) => a[0] is double d ? Math.Floor(d) : null);
        add("ceil", "<n-:n>", (c, a) => a[0] is double d ? Math.Ceiling(d) : null);
        add("round", "<n-n?:n>", (c, a) => a[0] is double d ? Round(d, a.Count > 1 && a[1] is double p ? (int)p : 0) : null);
        add("sqrt", "<n-:n>", (c, a) =>
        {
            if (a[0] is not double d)
            {
                return null;
            }

            if (d < 0)
            {
                throw JsonataException.Create("D3060", c.Position, c.Token, d);
            }

            return Math.Sqrt(d);
        });
        add("power", "<n-n:n>", (c, a) =>
        {
            if (a[0] is not double b)
            {
                return null;
            }

            var e = (double)a[1]!;
            var r = Math.Pow(b, e);
            if (double.IsNaN(r) || double.IsInfinity(r))
            {
                throw JsonataException.Create("D3061", c.Position, c.Token, b, extra: new Dictionary<string, object?> { ["exp"] = e });
            }

            return r;
        });
        add("random", "<:n>", (c, a) => NextRandom(c));
    }

    internal static double NextRandom(CallContext c) =>
        c.State.Environment.Random?.Invoke() ?? throw new InvalidOperationException("No random source configured in JsonataEnvironment.Random.");

    private static object? ToNumber(object? arg, CallContext c)
    {
        switch (arg)
        {
            case null:
                return null;
            case double d:
                return d;
            case bool b:
                return b ? 1d : 0d;
            case string s:
                if (DecimalNumber().IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsInfinity(v))
                {
                    return v;
                }

                if (s.Length > 2 && s[0] == '0')
                {
                    var radix = s[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, 'b' or 'B' => 2, _ => 0 };
                    if (radix != 0)
                    {
                        try
                        {
                            return (double)Convert.ToInt64(s[2..], radix);
                        }
                        catch (FormatException)
                        {
                        }
                    }
                }

                break;
        }

        throw JsonataException.Create("D3030", c.Position, c.Token, arg);
    }

    internal static double RoundHalfEven(double d)
    {
        var r = Math.Floor(d);
        if (d - r >= 0.5)
        {
            r += 1;
        }

        if (Math.Abs(r - d) == 0.5 && Math.Abs(r % 2) == 1)
        {
            r -= 1;
        }

        return r == 0 ? 0 : r;
    }

    internal static double RoundTo(double arg, int precision) => Round(arg, precision);

    private static double Round(double arg, int precision)
    {
        if (precision != 0)
        {
            arg = Shift(arg, precision);
        }

        var result = RoundHalfEven(arg);
        if (precision != 0)
        {
            result = Shift(result, -precision);
        }

        return result == 0 ? 0 : result;
    }

    // +(mantissa + 'e' + (exponent + shift)): decimal shifting through the string form, as JSONata does
    private static double Shift(double value, int shift)
    {
        var text = Format.NumberToString(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e >= 0 ? text[..e] : text;
        var exponent = e >= 0 ? int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        return double.Parse(mantissa + "e" + (exponent + shift).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
