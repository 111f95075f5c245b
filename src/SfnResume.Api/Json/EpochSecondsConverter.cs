using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SfnResume.Api.Json;

/// <summary>
/// Timestamps as the AWS JSON 1.0 protocol carries them: a JSON number of epoch seconds with a fraction
/// (<c>1686509515.191</c>, also <c>1.686509515191E9</c>). Written with millisecond precision, as AWS does;
/// read from a number, a numeric string or an ISO 8601 string (what the CLI prints), so saved CLI output reads back.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (TryFromEpochSeconds(reader.ValueSpan, out var fromNumber))
                {
                    return fromNumber;
                }

                break;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (TryFromEpochSeconds(System.Text.Encoding.UTF8.GetBytes(text), out var fromDigits))
                {
                    return fromDigits;
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
                {
                    return iso.ToUniversalTime();
                }

                break;
        }

        throw new JsonException($"expected a timestamp (epoch seconds or ISO 8601), found {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(ToEpochSeconds(value));

    /// <summary>Epoch seconds with a millisecond fraction, exact (decimal, so <c>0.191</c> stays <c>0.191</c>).</summary>
    public static decimal ToEpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000m;

    private static bool TryFromEpochSeconds(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if ((!Utf8Parser.TryParse(text, out decimal seconds, out var used, 'E') || used != text.Length)
            && (!Utf8Parser.TryParse(text, out seconds, out used) || used != text.Length))
        {
            return false;
        }

        var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        var min = -(decimal)DateTimeOffset.UnixEpoch.UtcTicks;
        var max = (decimal)(DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        if (ticks < min || ticks > max)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
        return true;
    }
}
