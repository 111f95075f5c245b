using System.Text.Json;
using System.Text.Json.Serialization;

namespace SfnResume.Core.History;

/// <summary>
/// Writes an event: as read when it was read and not changed since, otherwise in the wire shape
/// (<c>timestamp</c> as epoch seconds with milliseconds, <c>type</c>, <c>id</c>, <c>previousEventId</c>, details).
/// </summary>
internal static class HistoryEventWriter
{
    public static void Write(Utf8JsonWriter writer, HistoryEvent e)
    {
        if (e.UnchangedJson is { } raw)
        {
            writer.WriteRawValue(raw.Span, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("timestamp");
        HistoryTimestamps.WriteEpochSeconds(writer, e.Timestamp);
        writer.WriteString("type", e.TypeName);
        writer.WriteNumber("id", e.Id);
        writer.WriteNumber("previousEventId", e.PreviousEventId);
        if (e.Details is { } details)
        {
            writer.WritePropertyName(e.DetailsMemberName!);
            writer.WriteStartObject();
            details.WriteMembers(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

/// <summary>Lets <see cref="JsonSerializer"/> read and write a <see cref="HistoryEvent"/> in the AWS shape.</summary>
internal sealed class HistoryEventJsonConverter : JsonConverter<HistoryEvent>
{
    public override HistoryEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
        var r = new JsonScanner(bytes);
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new HistoryFormatException("a history event must be a JSON object");
        }

        return new EventReader(bytes).Read(ref r, new EventLocation("$", 0, IsRecord: true));
    }

    public override void Write(Utf8JsonWriter writer, HistoryEvent value, JsonSerializerOptions options) =>
        HistoryEventWriter.Write(writer, value);
}
