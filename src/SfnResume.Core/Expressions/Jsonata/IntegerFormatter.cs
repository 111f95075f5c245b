using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>$formatInteger and $parseInteger: XPath F&amp;O 3.1 integer pictures (decimal, letters, roman, words).</summary>
internal static partial class IntegerFormatter
{
    internal static readonly int[] DecimalGroups =
    [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
        0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ];

    private static readonly string[] s_few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] s_ordinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] s_decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];
    private static readonly string[] s_magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    private static readonly (int Value, string Numeral)[] s_roman =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    private static readonly Dictionary<string, double> s_wordValues = BuildWordValues();

    /// <summary>Number words in the order JSONata tries them when parsing.</summary>
    internal static IEnumerable<string> WordKeys => s_wordValues.Keys;

    internal enum Primary
    {
        Decimal,
        Letters,
        Roman,
        Words,
        Sequence,
    }

    internal enum Case
    {
        Lower,
        Upper,
        Title,
    }

    internal sealed class Picture
    {
        public Primary Primary { get; set; } = Primary.Decimal;

        public Case Case { get; set; } = Case.Lower;

        public bool Ordinal { get; set; }

        public int ZeroCode { get; set; } = 0x30;

        public int MandatoryDigits { get; set; }

        public int OptionalDigits { get; set; }

        public bool Regular { get; set; }

        public List<(int Position, string Character)> Separators { get; set; } = [];

        public string Token { get; set; } = string.Empty;

        /// <summary>Fixed digit count when parsing a marker directly followed by another integer marker.</summary>
        public int? ParseWidth { get; set; }
    }

    public static string Format(double value, string picture) => Format(value, Analyse(picture));

    internal static string Format(double value, Picture format)
    {
        var v = Math.Floor(value);
        var negative = v < 0;
        v = Math.Abs(v);
        string s;
        switch (format.Primary)
        {
            case Primary.Letters:
                s = ToLetters((long)v, format.Case == Case.Upper ? 'A' : 'a');
                break;
            case Primary.Roman:
                s = ToRoman((long)v);
                if (format.Case == Case.Upper)
                {
                    s = s.ToUpperInvariant();
                }

                break;
            case Primary.Words:
                s = ToWords(v, format.Ordinal);
                if (format.Case == Case.Upper)
                {
                    s = s.ToUpperInvariant();
                }
                else if (format.Case == Case.Lower)
                {
                    s = s.ToLowerInvariant();
                }

                break;
            case Primary.Decimal:
                {
                    s = Format_Fixed(v);
                    if (format.MandatoryDigits > s.Length)
                    {
                        s = new string('0', format.MandatoryDigits - s.Length) + s;
                    }

                    if (format.ZeroCode != 0x30)
                    {
                        var sb = new StringBuilder();
                        foreach (var ch in s)
                        {
                            sb.Append(char.ConvertFromUtf32(ch + format.ZeroCode - 0x30));
                        }

                        s = sb.ToString();
                    }

                    if (format.Regular)
                    {
                        var (pos0, ch) = format.Separators[0];
                        var n = (s.Length - 1) / pos0;
                        for (var ii = n; ii > 0; ii--)
                        {
                            var pos = s.Length - (ii * pos0);
                            s = s[..pos] + ch + s[pos..];
                        }
                    }
                    else
                    {
                        for (var i = format.Separators.Count - 1; i >= 0; i--)
                        {
                            var (position, ch) = format.Separators[i];
                            var pos = s.Length - position;
                            if (pos >= 0 && pos <= s.Length)
                            {
                                s = s[..pos] + ch + s[pos..];
                            }
                        }
                    }

                    if (format.Ordinal)
                    {
                        var last = s[^1];
                        var suffix = last switch { '1' => "st", '2' => "nd", '3' => "rd", _ => "th" };
                        if (s.Length > 1 && s[^2] == '1')
                        {
                            suffix = "th";
                        }

                        s += suffix;
                    }

                    break;
                }

            default:
                throw JsonataException.Create("D3130", -1, null, format.Token);
        }

        return negative ? "-" + s : s;
    }

    private static string Format_Fixed(double v) =>
        v < 1e21 ? v.ToString("F0", CultureInfo.InvariantCulture) : global::SfnResume.Core.Expressions.Jsonata.Format.NumberToString(v);

    internal static Picture Analyse(string picture)
    {
        var format = new Picture();
        string primary;
        var semicolon = picture.LastIndexOf(';');
        if (semicolon == -1)
        {
            primary = picture;
        }
        else
        {
            primary = picture[..semicolon];
            var modifier = picture[(semicolon + 1)..];
            if (modifier.StartsWith('o'))
            {
                format.Ordinal = true;
            }
        }

        switch (primary)
        {
            case "A":
                format.Case = Case.Upper;
                format.Primary = Primary.Letters;
                break;
            case "a":
                format.Primary = Primary.Letters;
                break;
            case "I":
                format.Case = Case.Upper;
                format.Primary = Primary.Roman;
                break;
            case "i":
                format.Primary = Primary.Roman;
                break;
            case "W":
                format.Case = Case.Upper;
                format.Primary = Primary.Words;
                break;
            case "Ww":
                format.Case = Case.Title;
                format.Primary = Primary.Words;
                break;
            case "w":
                format.Primary = Primary.Words;
                break;
            default:
                {
                    int? zeroCode = null;
                    var mandatory = 0;
                    var optional = 0;
                    var separators = new List<(int, string)>();
                    var separatorPosition = 0;
                    var codePoints = new List<int>();
                    for (var i = 0; i < primary.Length; i++)
                    {
                        codePoints.Add(primary[i]);
                    }

                    codePoints.Reverse();
                    foreach (var cp in codePoints)
                    {
                        var digit = false;
                        foreach (var group in DecimalGroups)
                        {
                            if (cp >= group && cp <= group + 9)
                            {
                                digit = true;
                                mandatory++;
                                separatorPosition++;
                                if (zeroCode is null)
                                {
                                    zeroCode = group;
                                }
                                else if (group != zeroCode)
                                {
                                    throw JsonataException.Create("D3131");
                                }

                                break;
                            }
                        }

                        if (!digit)
                        {
                            if (cp == '#')
                            {
                                separatorPosition++;
                                optional++;
                            }
                            else
                            {
                                separators.Add((separatorPosition, ((char)cp).ToString()));
                            }
                        }
                    }

                    if (mandatory > 0)
                    {
                        format.Primary = Primary.Decimal;
                        format.ZeroCode = zeroCode!.Value;
                        format.MandatoryDigits = mandatory;
                        format.OptionalDigits = optional;
                        var regular = RegularRepeat(separators);
                        if (regular > 0)
                        {
                            format.Regular = true;
                            format.Separators = [(regular, separators[0].Item2)];
                        }
                        else
                        {
                            format.Separators = separators;
                        }
                    }
                    else
                    {
                        format.Primary = Primary.Sequence;
                        format.Token = primary;
                    }

                    break;
                }
        }

        return format;
    }

    private static int RegularRepeat(List<(int Position, string Character)> separators)
    {
        if (separators.Count == 0)
        {
            return 0;
        }

        var sepChar = separators[0].Character;
        for (var i = 1; i < separators.Count; i++)
        {
            if (separators[i].Character != sepChar)
            {
                return 0;
            }
        }

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
        var factor = separators[0].Position;
        for (var i = 1; i < separators.Count; i++)
        {
            factor = Gcd(factor, separators[i].Position);
        }

        for (var index = 1; index <= separators.Count; index++)
        {
            if (!separators.Exists(s => s.Position == index * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    public static object? Parse(string value, string picture)
    {
        var format = Analyse(picture);
        switch (format.Primary)
        {
            case Primary.Letters:
                return LettersToDecimal(value, format.Case == Case.Upper ? 'A' : 'a');
            case Primary.Roman:
                return RomanToDecimal(value);
            case Primary.Words:
                return WordsToNumber(value.ToLowerInvariant());
            case Primary.Decimal:
                {
                    var text = value;
                    if (format.Ordinal && text.Length > 2 && (text.EndsWith("st", StringComparison.Ordinal) || text.EndsWith("nd", StringComparison.Ordinal) || text.EndsWith("rd", StringComparison.Ordinal) || text.EndsWith("th", StringComparison.Ordinal)))
                    {
                        text = text[..^2];
                    }

                    var sb = new StringBuilder();
                    foreach (var ch in text)
                    {
                        if (ch >= format.ZeroCode && ch <= format.ZeroCode + 9)
                        {
                            sb.Append((char)('0' + (ch - format.ZeroCode)));
                        }
                    }

                    return sb.Length == 0 ? null : double.Parse(sb.ToString(), CultureInfo.InvariantCulture);
                }

            default:
                throw JsonataException.Create("D3130", -1, null, format.Token);
        }
    }
}
