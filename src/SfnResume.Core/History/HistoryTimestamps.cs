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

    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
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
                if (TryFromEpochText(text, out value))
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
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Writes an instant as the wire does: epoch seconds with a millisecond fraction.</summary>
    public static void WriteEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
