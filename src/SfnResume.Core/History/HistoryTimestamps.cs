using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// The timestamp renderings users have (history-events.md section 6): epoch seconds as a JSON number
/// (<c>1503725123.924</c>, <c>1.686509515191E9</c>), ISO 8601 with <c>T</c> or a space (AWS CLI v2, boto3
/// <c>str()</c>), and CloudWatch's epoch milliseconds in a string (<c>"1668095539607"</c>).
/// </summary>
internal static class HistoryTimestamps
{
    /// <summary>Numbers above this are milliseconds: as seconds they would lie past the year 5000.</summary>
    private const decimal MillisecondsThreshold = 100_000_000_000m;

    public static bool TryRead(ref JsonScanner reader, out DateTimeOffset value)
    {
        value = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return TryFromEpochText(reader.ValueSpan, out value);
            case JsonTokenType.String:
                Span<byte> buffer = stackalloc byte[64];
                ReadOnlySpan<byte> text;
                if (reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length)
                {
                    if (reader.ValueSpan.Length > 256)
                    {
                        return false;
                    }

                    var s = reader.GetString()!;
                    return TryParseText(s, out value);
                }

                text = reader.ValueSpan;
                var looksIso = text.Length > 4 && text[4] == '-';
                if (!looksIso && TryFromEpochText(text, out value))
                {
                    return true;
                }

                Span<char> chars = stackalloc char[64];
                var n = System.Text.Encoding.UTF8.GetChars(text, chars);
                return TryParseIso(chars[..n], out value);
            default:
                return false;
        }
    }

    private static bool TryParseText(string s, out DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[256];
        var n = System.Text.Encoding.UTF8.GetBytes(s, utf8);
        return TryFromEpochText(utf8[..n], out value) || TryParseIso(s, out value);
    }

    private static bool TryFromEpochText(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (!Utf8Parser.TryParse(text, out decimal number, out var consumed, 'E') || consumed != text.Length)
        {
            if (!Utf8Parser.TryParse(text, out number, out consumed) || consumed != text.Length)
            {
                return false;
            }
        }

        var seconds = number >= MillisecondsThreshold ? number / 1000m : number;
        var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        var max = (decimal)(DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        if (ticks < -(decimal)DateTimeOffset.UnixEpoch.UtcTicks || ticks > max)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
        return true;
    }

    private static bool TryParseIso(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParseIsoFast(text, out value)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>
    /// <c>yyyy-MM-dd[T| ]HH:mm:ss[.f...][Z|+hh:mm|-hh:mm]</c>, the forms the CLI and boto3 print, without the
    /// general parser's cost (a 25,000-event history has 25,000 of them). Anything else goes to the general parser.
    /// </summary>
    private static bool TryParseIsoFast(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':'
            || !TwoDigits(s, 0, out var century) || !TwoDigits(s, 2, out var yy) || !TwoDigits(s, 5, out var month)
            || !TwoDigits(s, 8, out var day) || !TwoDigits(s, 11, out var hour) || !TwoDigits(s, 14, out var minute)
            || !TwoDigits(s, 17, out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond;
            var digits = 0;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (s[i] - '0') * scale;
                }

                i++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                i++;
            }
            else if ((s[i] == '+' || s[i] == '-') && i + 6 == s.Length && s[i + 3] == ':'
                && TwoDigits(s, i + 1, out var oh) && TwoDigits(s, i + 4, out var om))
            {
                offset = new TimeSpan(oh, om, 0);
                if (s[i] == '-')
                {
                    offset = -offset;
                }

                i += 6;
            }
            else
            {
                return false;
            }
        }

        var year = (century * 100) + yy;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23
            || minute > 59 || second > 59 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        var a = s[at] - '0';
        var b = s[at + 1] - '0';
        value = (a * 10) + b;
        return (uint)a <= 9 && (uint)b <= 9;
    }

    /// <summary>Writes an instant as the wire does: epoch seconds with a millisecond fraction.</summary>
    public static void WriteEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
