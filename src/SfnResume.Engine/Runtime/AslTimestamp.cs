using System.Globalization;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Timestamps as the States Language reads them: RFC 3339 <c>date-time</c> with an uppercase <c>T</c> and an
/// uppercase <c>Z</c> or a numeric offset, optional fractional seconds
/// (https://states-language.net/#timestamps). Anything else is not a timestamp (Choice comparisons are then false,
/// Wait fails).
/// </summary>
internal static class AslTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss is 19 characters, plus at least "Z".
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var pos = 19;
        long ticks = 0;
        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            var start = pos;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < text.Length && text[pos] is >= '0' and <= '9')
            {
                scale /= 10;
                ticks += (text[pos] - '0') * scale;
                pos++;
            }

            if (pos == start)
            {
                return false;
            }
        }

        if (pos >= text.Length)
        {
            return false;
        }

        TimeSpan offset;
        if (text[pos] == 'Z' && pos == text.Length - 1)
        {
            offset = TimeSpan.Zero;
        }
        else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.Length && text[pos + 3] == ':'
            && TryDigits(text, pos + 1, 2, out var oh) && TryDigits(text, pos + 4, 2, out var om) && oh < 24 && om < 60)
        {
            offset = new TimeSpan(oh, om, 0);
            if (text[pos] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        return true;
    }

    /// <summary>The context-object form: ISO 8601 UTC with milliseconds, e.g. <c>2019-03-26T20:14:13.192Z</c>.</summary>
    public static string FormatContext(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
