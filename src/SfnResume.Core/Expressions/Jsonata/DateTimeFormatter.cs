using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>$fromMillis / $toMillis / $now: XPath F&amp;O 3.1 date-time pictures (section 9.8) over UTC milliseconds.</summary>
internal static partial class DateTimeFormatter
{
    private const long MillisInDay = 86_400_000;
    private const long MillisInWeek = 7 * MillisInDay;
    private const string IsoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] s_days = [string.Empty, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly Dictionary<char, string> s_defaultPresentation = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1", ['x'] = "1",
        ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01", ['z'] = "01:01",
        ['C'] = "n", ['E'] = "n",
    };

    internal enum NameCase
    {
        None,
        Lower,
        Upper,
        Title,
    }

    internal sealed class Marker
    {
        public bool IsLiteral { get; init; }

        public string Literal { get; init; } = string.Empty;

        public char Component { get; init; }

        public string Presentation1 { get; set; } = string.Empty;

        public string? Presentation2 { get; set; }

        public bool Ordinal { get; set; }

        public NameCase Names { get; set; }

        public int? MinWidth { get; set; }

        public int? MaxWidth { get; set; }

        public IntegerFormatter.Picture? IntegerFormat { get; set; }

        public int N { get; set; } = -1;
    }

    [GeneratedRegex("^\\d{4}(-[01]\\d)*(-[0-3]\\d)*(T[0-2]\\d:[0-5]\\d:[0-5]\\d)*(\\.\\d+)?([+-][0-2]\\d:?[0-5]\\d|Z)?$")]
    private static partial Regex Iso8601();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    internal static List<Marker> Analyse(string picture)
    {
        var spec = new List<Marker>();
        void AddLiteral(int s, int e)
        {
            if (e > s)
            {
                spec.Add(new Marker { IsLiteral = true, Literal = picture[s..e].Replace("]]", "]", StringComparison.Ordinal) });
            }
        }

        int start = 0, pos = 0;
        while (pos < picture.Length)
        {
            if (picture[pos] == '[')
            {
                if (pos + 1 < picture.Length && picture[pos + 1] == '[')
                {
                    AddLiteral(start, pos);
                    spec.Add(new Marker { IsLiteral = true, Literal = "[" });
                    pos += 2;
                    start = pos;
                    continue;
                }

                AddLiteral(start, pos);
                start = pos;
                pos = picture.IndexOf(']', start);
                if (pos == -1)
                {
                    throw JsonataException.Create("D3135");
                }

                var marker = Whitespace().Replace(picture[(start + 1)..pos], string.Empty);
                var def = new Marker { Component = marker.Length > 0 ? marker[0] : ' ' };
                var comma = marker.LastIndexOf(',');
                string presMod;
                if (comma != -1)
                {
                    var widthMod = marker[(comma + 1)..];
                    var dash = widthMod.IndexOf('-', StringComparison.Ordinal);
                    static int? ParseWidth(string? w) => w is null || w == "*" || !int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? null : v;
                    if (dash == -1)
                    {
                        def.MinWidth = ParseWidth(widthMod);
                    }
                    else
                    {
                        def.MinWidth = ParseWidth(widthMod[..dash]);
                        def.MaxWidth = ParseWidth(widthMod[(dash + 1)..]);
                    }

                    presMod = marker[1..comma];
                }
                else
                {
                    presMod = marker.Length > 1 ? marker[1..] : string.Empty;
                }

                if (presMod.Length == 1)
                {
                    def.Presentation1 = presMod;
                }
                else if (presMod.Length > 1)
                {
                    var last = presMod[^1];
                    if ("atco".Contains(last, StringComparison.Ordinal))
                    {
                        def.Presentation2 = last.ToString();
                        if (last == 'o')
                        {
                            def.Ordinal = true;
                        }

                        def.Presentation1 = presMod[..^1];
                    }
                    else
                    {
                        def.Presentation1 = presMod;
                    }
                }
                else if (s_defaultPresentation.TryGetValue(def.Component, out var dp))
                {
                    def.Presentation1 = dp;
                }
                else
                {
                    throw JsonataException.Create("D3132", -1, null, def.Component.ToString());
                }

                if (def.Presentation1.StartsWith('n'))
                {
                    def.Names = NameCase.Lower;
                }
                else if (def.Presentation1.StartsWith('N'))
                {
                    def.Names = def.Presentation1.Length > 1 && def.Presentation1[1] == 'n' ? NameCase.Title : NameCase.Upper;
                }
                else if ("YMDdFWwXxHhmsf".Contains(def.Component, StringComparison.Ordinal))
                {
                    var integerPattern = def.Presentation1;
                    if (def.Presentation2 is not null)
                    {
                        integerPattern += ";" + def.Presentation2;
                    }

                    def.IntegerFormat = IntegerFormatter.Analyse(integerPattern);
                    if (def.MinWidth is { } min && def.IntegerFormat.MandatoryDigits < min)
                    {
                        def.IntegerFormat.MandatoryDigits = min;
                    }

                    if (def.Component == 'Y')
                    {
                        def.N = -1;
                        if (def.MaxWidth is { } max)
                        {
                            def.N = max;
                            def.IntegerFormat.MandatoryDigits = max;
                        }
                        else
                        {
                            var w = def.IntegerFormat.MandatoryDigits + def.IntegerFormat.OptionalDigits;
                            if (w >= 2)
                            {
                                def.N = w;
                            }
                        }
                    }
                }

                if (def.IntegerFormat is not null && spec.Count > 0 && spec[^1].IntegerFormat is { } previous)
                {
                    // adjacent integer markers: the earlier one must be parsed with a fixed width
                    previous.ParseWidth = previous.MandatoryDigits;
                }

                if (def.Component is 'Z' or 'z')
                {
                    def.IntegerFormat = IntegerFormatter.Analyse(def.Presentation1);
                }

                spec.Add(def);
                start = pos + 1;
            }

            pos++;
        }

        AddLiteral(start, pos);
        return spec;
    }

    public static string FromMillis(double millis, string? picture, string? timezone)
    {
        var offsetHours = 0;
        var offsetMinutes = 0;
        if (timezone is not null)
        {
            var offset = ParseIntPrefix(timezone);
            offsetHours = (int)Math.Floor(offset / 100.0);
            offsetMinutes = offset % 100;
        }

        var spec = Analyse(picture ?? IsoPicture);
        var offsetMillis = ((60 * offsetHours) + offsetMinutes) * 60 * 1000L;
        var local = (long)Math.Floor(millis) + offsetMillis;
        var sb = new StringBuilder();
        foreach (var part in spec)
        {
            sb.Append(part.IsLiteral ? part.Literal : FormatComponent(local, part, offsetHours, offsetMinutes));
        }

        return sb.ToString();
    }

    private static int ParseIntPrefix(string s)
    {
        var m = Regex.Match(s.Trim(), "^[+-]?\\d+");
        return m.Success ? int.Parse(m.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
    }

    private static string FormatComponent(long millis, Marker spec, int offsetHours, int offsetMinutes)
    {
        var date = DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;
        var c = spec.Component;
        if ("YMDdFWwXxHhms".Contains(c, StringComparison.Ordinal))
        {
            var value = (double)Fragment(millis, date, c);
            if (c == 'Y' && spec.N != -1)
            {
                value %= Math.Pow(10, spec.N);
            }

            if (spec.Names != NameCase.None)
            {
                string name;
                if (c is 'M' or 'x')
                {
                    name = s_months[(int)value - 1];
                }
                else if (c == 'F')
                {
                    name = s_days[(int)value];
                }
                else
                {
                    throw JsonataException.Create("D3133", -1, null, c.ToString());
                }

                if (spec.Names == NameCase.Upper)
                {
                    name = name.ToUpperInvariant();
                }
                else if (spec.Names == NameCase.Lower)
                {
                    name = name.ToLowerInvariant();
                }

                if (spec.MaxWidth is { } max && name.Length > max)
                {
                    name = name[..max];
                }

                return name;
            }

            return IntegerFormatter.Format(value, spec.IntegerFormat!);
        }

        switch (c)
        {
            case 'f':
                return IntegerFormatter.Format(date.Millisecond, spec.IntegerFormat!);
            case 'Z':
            case 'z':
                {
                    var offset = (offsetHours * 100) + offsetMinutes;
                    string result;
                    var format = spec.IntegerFormat!;
                    if (format.Regular)
                    {
                        result = IntegerFormatter.Format(offset, format);
                    }
                    else
                    {
                        var digits = format.MandatoryDigits;
                        if (digits is 1 or 2)
                        {
                            result = IntegerFormatter.Format(offsetHours, format);
                            if (offsetMinutes != 0)
                            {
                                result += ":" + IntegerFormatter.Format(offsetMinutes, "00");
                            }
                        }
                        else if (digits is 3 or 4)
                        {
                            result = IntegerFormatter.Format(offset, format);
                        }
                        else
                        {
                            throw JsonataException.Create("D3134", -1, null, (double)digits);
                        }
                    }

                    if (offset >= 0)
                    {
                        result = "+" + result;
                    }

                    if (c == 'z')
                    {
                        result = "GMT" + result;
                    }

                    if (offset == 0 && spec.Presentation2 == "t")
                    {
                        result = "Z";
                    }

                    return result;
                }

            case 'P':
                {
                    var ampm = date.Hour >= 12 ? "pm" : "am";
                    return spec.Names == NameCase.Upper ? ampm.ToUpperInvariant() : ampm;
                }

            case 'C':
            case 'E':
                return "ISO";
            default:
                throw JsonataException.Create("D3132", -1, null, c.ToString());
        }
    }

    private static long StartOfFirstWeek(int year, int month)
    {
        var first = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var dow = (int)new DateTime(year, month, 1).DayOfWeek;
        if (dow == 0)
        {
            dow = 7;
        }

        return dow > 4 ? first + ((8 - dow) * MillisInDay) : first - ((dow - 1) * MillisInDay);
    }

    private static int Fragment(long millis, DateTime date, char component)
    {
        switch (component)
        {
            case 'Y':
                return date.Year;
            case 'M':
                return date.Month;
            case 'D':
                return date.Day;
            case 'd':
                return date.DayOfYear;
            case 'F':
                return date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            case 'W':
                return ISOWeek.GetWeekOfYear(date);
            case 'X':
                return ISOWeek.GetYear(date);
            case 'w':
            case 'x':
                {
                    var (y, m) = (date.Year, date.Month);
                    var start = StartOfFirstWeek(y, m);
                    var (ny, nm) = m == 12 ? (y + 1, 1) : (y, m + 1);
                    var startNext = StartOfFirstWeek(ny, nm);
                    if (millis < start)
                    {
                        var (py, pm) = m == 1 ? (y - 1, 12) : (y, m - 1);
                        return component == 'x' ? pm : (int)((millis - StartOfFirstWeek(py, pm)) / MillisInWeek) + 1;
                    }

                    if (millis >= startNext)
                    {
                        return component == 'x' ? nm : 1;
                    }

                    return component == 'x' ? m : (int)((millis - start) / MillisInWeek) + 1;
                }

            case 'H':
                return date.Hour;
            case 'h':
                {
                    var h = date.Hour % 12;
                    return h == 0 ? 12 : h;
                }

            case 'm':
                return date.Minute;
            case 's':
                return date.Second;
            default:
                return 0;
        }
    }

    /// <summary>$toMillis without a picture: ISO 8601 as accepted by the JSONata reference (D3110 otherwise).</summary>
    public static object? ToMillis(string timestamp, string? picture, DateTimeOffset? now)
    {
        if (picture is not null)
        {
            return DateTimeParser.Parse(timestamp, picture, now);
        }

        if (!Iso8601().IsMatch(timestamp))
        {
            throw JsonataException.Create("D3110", -1, null, timestamp);
        }

        var m = Regex.Match(timestamp, "^(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?(?:T(\\d{2}):(\\d{2}):(\\d{2}))?(?:\\.(\\d+))?(Z|[+-]\\d{2}:?\\d{2})?$");
        if (!m.Success)
        {
            return null;
        }

        int G(int i, int d) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : d;
        try
        {
            var frac = m.Groups[7].Success ? double.Parse("0." + m.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
            var dt = new DateTime(G(1, 1970), G(2, 1), G(3, 1), G(4, 0), G(5, 0), G(6, 0), DateTimeKind.Utc);
            var ms = new DateTimeOffset(dt).ToUnixTimeMilliseconds() + (long)Math.Floor(frac * 1000);
            if (m.Groups[8].Success && m.Groups[8].Value != "Z")
            {
                var tz = m.Groups[8].Value.Replace(":", string.Empty, StringComparison.Ordinal);
                var sign = tz[0] == '-' ? -1 : 1;
                var hours = int.Parse(tz.AsSpan(1, 2), CultureInfo.InvariantCulture);
                var minutes = int.Parse(tz.AsSpan(3, 2), CultureInfo.InvariantCulture);
                ms -= sign * ((hours * 60) + minutes) * 60_000L;
            }

            return (double)ms;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    internal static string MonthName(int month) => s_months[month - 1];

    internal static string DayName(int day) => s_days[day];
}
