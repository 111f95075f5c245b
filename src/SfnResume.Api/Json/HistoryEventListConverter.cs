using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SfnResume.Api.Contracts;
using SfnResume.Core.History;

namespace SfnResume.Api.Json;

/// <summary>
/// Reads and writes <c>events</c> of GetExecutionHistory through the history model's own converter (declared on
/// <see cref="HistoryEvent"/>, internal to Core), so an event read from AWS is written back byte for byte.
/// </summary>
/// <remarks>
/// The source generator cannot reach that converter from this assembly, so these options resolve
/// <see cref="HistoryEvent"/> by reflection; the reflection path only looks up the attribute and then calls the converter.
/// </remarks>
public sealed class HistoryEventListConverter : JsonConverter<HistoryEventList>
{
    // Relaxed escaping, as the history model writes files: JSON held in strings stays readable ("a" not \u0022a\u0022).
    private static readonly JsonSerializerOptions s_eventOptions = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonTypeInfo<HistoryEvent> EventInfo =>
        (JsonTypeInfo<HistoryEvent>)s_eventOptions.GetTypeInfo(typeof(HistoryEvent));

    public override HistoryEventList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array of history events, found {reader.TokenType}");
        }

        var info = EventInfo;
        var events = new List<HistoryEvent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            events.Add(JsonSerializer.Deserialize(ref reader, info)
                ?? throw new JsonException("a history event is null"));
        }

        return new HistoryEventList(events);
    }

    public override void Write(Utf8JsonWriter writer, HistoryEventList value, JsonSerializerOptions options)
    {
        var info = EventInfo;
        writer.WriteStartArray();
        foreach (var e in value)
        {
            JsonSerializer.Serialize(writer, e, info);
        }

        writer.WriteEndArray();
    }

    /// <summary>One event in AWS's shape (as read, when it was read and not changed).</summary>
    public static string WriteEvent(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, EventInfo);

    /// <summary>One event from its JSON.</summary>
    public static HistoryEvent ReadEvent(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, EventInfo) ?? throw new JsonException("a history event is null");
}
