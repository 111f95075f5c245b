using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Letters, roman numerals and English number words, in both directions.</summary>
internal static partial class IntegerFormatter
{
    internal static string ToLetters(long value, char a)
    {
        var sb = new StringBuilder();
        while (value > 0)
        {
            sb.Insert(0, (char)(((value - 1) % 26) + a));
            value = (value - 1) / 26;
        }

        return sb.ToString();
    }

    internal static string ToRoman(long value)
    {
        var sb = new StringBuilder();
        foreach (var (v, numeral) in s_roman)
        {
            while (value >= v)
            {
                sb.Append(numeral);
                value -= v;
            }
        }

        return sb.ToString();
    }

    internal static string ToWords(double value, bool ordinal)
    {
        string Lookup(double num, bool prev, bool ord)
        {
            string words;
            if (num <= 19)
            {
                words = (prev ? " and " : string.Empty) + (ord ? s_ordinals[(int)num] : s_few[(int)num]);
            }
            else if (num < 100)
            {
                var tens = (int)Math.Floor(num / 10);
                var remainder = num % 10;
                words = (prev ? " and " : string.Empty) + s_decades[tens - 2];
                if (remainder > 0)
                {
                    words += "-" + Lookup(remainder, false, ord);
                }
                else if (ord)
                {
                    words = words[..^1] + "ieth";
                }
            }
            else if (num < 1000)
            {
                var hundreds = (int)Math.Floor(num / 100);
                var remainder = num % 100;
                words = (prev ? ", " : string.Empty) + s_few[hundreds] + " Hundred";
                if (remainder > 0)
                {
                    words += Lookup(remainder, true, ord);
                }
                else if (ord)
                {
                    words += "th";
                }
            }
            else
            {
                var mag = (int)Math.Floor(Math.Log10(num) / 3);
                if (mag > s_magnitudes.Length)
                {
                    mag = s_magnitudes.Length;
                }

                var factor = Math.Pow(10, mag * 3);
                var mant = Math.Floor(num / factor);
                var remainder = num - (mant * factor);
                words = (prev ? ", " : string.Empty) + Lookup(mant, false, false) + " " + s_magnitudes[mag - 1];
                if (remainder > 0)
                {
                    words += Lookup(remainder, true, ord);
                }
                else if (ord)
                {
                    words += "th";
                }
            }

            return words;
        }

        return Lookup(value, false, ordinal);
    }

    private static Dictionary<string, double> BuildWordValues()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < s_few.Length; i++)
        {
            d[s_few[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < s_ordinals.Length; i++)
        {
            d[s_ordinals[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < s_decades.Length; i++)
        {
            var w = s_decades[i].ToLowerInvariant();
            d[w] = (i + 2) * 10;
            d[w[..^1] + "ieth"] = (i + 2) * 10;
        }

        d["hundredth"] = 100;
        for (var i = 0; i < s_magnitudes.Length; i++)
        {
            var w = s_magnitudes[i].ToLowerInvariant();
            var val = Math.Pow(10, (i + 1) * 3);
            d[w] = val;
            d[w + "th"] = val;
        }

        return d;
    }

    internal static double WordsToNumber(string text)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(text, ",\\s|\\sand\\s|[\\s\\\\-]");
        var segs = new List<double> { 0 };
        foreach (var part in parts)
        {
            var value = s_wordValues.TryGetValue(part, out var v) ? v : double.NaN;
            if (value < 100 || double.IsNaN(value))
            {
                var top = segs[^1];
                segs.RemoveAt(segs.Count - 1);
                if (top >= 1000)
                {
                    segs.Add(top);
                    top = 0;
                }

                segs.Add(top + value);
            }
            else
            {
                var top = segs[^1];
                segs[^1] = top * value;
            }
        }

        return segs.Sum();
    }

    internal static double RomanToDecimal(string roman)
    {
        double result = 0;
        double max = 1;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            var value = char.ToUpperInvariant(roman[i]) switch
            {
                'M' => 1000, 'D' => 500, 'C' => 100, 'L' => 50, 'X' => 10, 'V' => 5, 'I' => 1, _ => 0,
            };
            if (value < max)
            {
                result -= value;
            }
            else
            {
                max = value;
                result += value;
            }
        }

        return result;
    }

    internal static double LettersToDecimal(string letters, char a)
    {
        double result = 0;
        for (var i = 0; i < letters.Length; i++)
        {
            result += (letters[letters.Length - i - 1] - a + 1) * Math.Pow(26, i);
        }

        return result;
    }
}
