using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>$toMillis with a picture: builds a matcher from the picture and assembles UTC milliseconds.</summary>
internal static class DateTimeParser
{
    private sealed record PartMatcher(string Regex, char Component, Func<string, double?>? Parse);

    public static object? Parse(string timestamp, string picture, DateTimeOffset? now = null)
    {
        var spec = DateTimeFormatter.Analyse(picture);
        var parts = spec.Select(Matcher).ToList();
        var full = new StringBuilder("^");
        foreach (var p in parts)
        {
            full.Append('(').Append(p.Regex).Append(')');
        }

        full.Append('$');
        var info = Regex.Match(timestamp, full.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!info.Success)
        {
            return null;
        }

        var components = new Dictionary<char, double>();
        for (var i = 1; i < info.Groups.Count && i - 1 < parts.Count; i++)
        {
            var part = parts[i - 1];
            if (part.Parse is not null && part.Parse(info.Groups[i].Value) is { } v)
            {
                components[part.Component] = v;
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        var mask = 0;
        void Shift(bool bit)
        {
            mask <<= 1;
            mask += bit ? 1 : 0;
        }

        bool IsType(int type) => (~type & mask) == 0 && (type & mask) != 0;
        foreach (var ch in "YXMxWwdD")
        {
            Shift(components.ContainsKey(ch));
        }

        var dateA = IsType(161);
        var dateB = !dateA && IsType(130);
        var dateC = IsType(84);
        var dateD = !dateC && IsType(72);
        mask = 0;
        foreach (var ch in "PHhmsf")
        {
            Shift(components.ContainsKey(ch));
        }

        var timeA = IsType(23);
        var timeB = !timeA && IsType(47);
        var dateComps = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComps = timeB ? "Phmsf" : "Hmsf";
        var clock = (now ?? DateTimeOffset.UnixEpoch).UtcDateTime;
        var startSpecified = false;
        var endSpecified = false;
        foreach (var part in dateComps + timeComps)
        {
            if (!components.ContainsKey(part))
            {
                if (startSpecified)
                {
                    components[part] = "MDd".Contains(part, StringComparison.Ordinal) ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    components[part] = part switch
                    {
                        'Y' => clock.Year,
                        'M' => clock.Month,
                        'D' => clock.Day,
                        'd' => clock.DayOfYear,
                        'H' => clock.Hour,
                        'h' => clock.Hour % 12 == 0 ? 12 : clock.Hour % 12,
                        'P' => clock.Hour >= 12 ? 1 : 0,
                        'm' => clock.Minute,
                        's' => clock.Second,
                        'f' => clock.Millisecond,
                        _ => 0,
                    };
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    throw JsonataException.Create("D3136");
                }
            }
        }

        components['M'] = components.TryGetValue('M', out var month) && month > 0 ? month - 1 : 0;
        if (dateB)
        {
            var derived = new DateTime((int)components['Y'], 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(components['d'] - 1);
            components['M'] = derived.Month - 1;
            components['D'] = derived.Day;
        }

        if (dateC || dateD)
        {
            throw JsonataException.Create("D3136");
        }

        if (timeB)
        {
            components['H'] = components['h'] == 12 ? 0 : components['h'];
            if (components['P'] == 1)
            {
                components['H'] += 12;
            }
        }

        double C(char key) => components.TryGetValue(key, out var v) ? v : 0;
        var baseDate = new DateTime((int)C('Y'), 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddMonths((int)C('M'))
            .AddDays(C('D') - 1)
            .AddHours(C('H'))
            .AddMinutes(C('m'))
            .AddSeconds(C('s'))
            .AddMilliseconds(C('f'));
        var millis = (double)new DateTimeOffset(baseDate).ToUnixTimeMilliseconds();
        if (components.TryGetValue('Z', out var z) || components.TryGetValue('z', out z))
        {
            millis -= z * 60 * 1000;
        }

        return millis;
    }

    private static PartMatcher Matcher(DateTimeFormatter.Marker part)
    {
        if (part.IsLiteral)
        {
            return new PartMatcher(Regex.Escape(part.Literal), ' ', null);
        }

        if (part.Component is 'Z' or 'z')
        {
            var format = part.IntegerFormat!;
            string? separator = format.Regular ? format.Separators[0].Character : null;
            var regex = (part.Component == 'z' ? "GMT" : string.Empty) + "[-+][0-9]+" + (separator is null ? string.Empty : Regex.Escape(separator) + "[0-9]+");
            return new PartMatcher(regex, part.Component, value =>
            {
                if (part.Component == 'z')
                {
                    value = value[3..];
                }

                int hours, minutes = 0;
                if (separator is not null)
                {
                    var at = value.IndexOf(separator, StringComparison.Ordinal);
                    hours = int.Parse(value[..at], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    minutes = int.Parse(value[(at + 1)..], CultureInfo.InvariantCulture);
                }
                else if (value.Length - 1 <= 2)
                {
                    hours = int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                }
                else
                {
                    hours = int.Parse(value[..3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    minutes = int.Parse(value[3..], CultureInfo.InvariantCulture);
                }

                return (hours * 60) + minutes;
            });
        }

        if (part.Component == 'f')
        {
            // fractional seconds: the first three digits are milliseconds, the rest is truncated
            return new PartMatcher("[0-9]+", 'f', value => double.Parse("0." + value[..Math.Min(3, value.Length)], CultureInfo.InvariantCulture) * 1000);
        }

        if (part.IntegerFormat is { } f)
        {
            return IntegerMatcher(f, part.Component);
        }

        var lookup = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (part.Component is 'M' or 'x')
        {
            for (var i = 1; i <= 12; i++)
            {
                var name = DateTimeFormatter.MonthName(i);
                lookup[part.MaxWidth is { } w ? name[..Math.Min(w, name.Length)] : name] = i;
            }
        }
        else if (part.Component == 'F')
        {
            for (var i = 1; i <= 7; i++)
            {
                var name = DateTimeFormatter.DayName(i);
                lookup[part.MaxWidth is { } w ? name[..Math.Min(w, name.Length)] : name] = i;
            }
        }
        else if (part.Component == 'P')
        {
            lookup["am"] = 0;
            lookup["pm"] = 1;
        }
        else
        {
            throw JsonataException.Create("D3133", -1, null, part.Component.ToString());
        }

        return new PartMatcher("[a-zA-Z]+", part.Component, value => lookup.TryGetValue(value, out var v) ? v : null);
    }

    private static PartMatcher IntegerMatcher(IntegerFormatter.Picture format, char component)
    {
        var upper = format.Case == IntegerFormatter.Case.Upper;
        switch (format.Primary)
        {
            case IntegerFormatter.Primary.Letters:
                return new PartMatcher(upper ? "[A-Z]+" : "[a-z]+", component, v => IntegerFormatter.LettersToDecimal(v, upper ? 'A' : 'a'));
            case IntegerFormatter.Primary.Roman:
                return new PartMatcher(upper ? "[MDCLXVI]+" : "[mdclxvi]+", component, v => IntegerFormatter.RomanToDecimal(v));
            case IntegerFormatter.Primary.Words:
                return new PartMatcher("(?:" + string.Join("|", IntegerFormatter.WordKeys) + "|and|[\\-, ])+", component, v => IntegerFormatter.WordsToNumber(v.ToLowerInvariant()));
            case IntegerFormatter.Primary.Decimal:
                {
                    var regex = format.ParseWidth is { } width ? "[0-9]{" + width.ToString(CultureInfo.InvariantCulture) + "}" : "[0-9]+";
                    if (format.Ordinal)
                    {
                        regex += "(?:th|st|nd|rd)";
                    }

                    return new PartMatcher(regex, component, v =>
                    {
                        var digits = format.Ordinal ? v[..^2] : v;
                        foreach (var (_, ch) in format.Separators)
                        {
                            digits = digits.Replace(ch, string.Empty, StringComparison.Ordinal);
                        }

                        return double.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : null;
                    });
                }

            default:
                throw JsonataException.Create("D3130", -1, null, format.Token);
        }
    }
}
