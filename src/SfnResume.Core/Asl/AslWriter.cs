using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// Writes a definition back as JSON without losing anything the parser kept: unknown fields, property
/// order, number text and the escapes inside string values are written as they were read. Only what a
/// <c>With*</c> edit changed differs (whitespace aside).
/// </summary>
public static class AslWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions s_indented = s_compact with { Indented = true };

    public static string Write(StateMachineDefinition definition, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Write(definition.Raw, indented);
    }

    /// <summary>Writes any node of a definition (a state, a template) the same lossless way.</summary>
    public static string Write(JsonNode node, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes <paramref name="node"/> as <see cref="Write(JsonNode, bool)"/> does, as UTF-8 into
    /// <paramref name="output"/> (a file, a pipe) instead of one string.
    /// </summary>
    public static void WriteTo(IBufferWriter<byte> output, JsonNode node, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(node);
        using var writer = new Utf8JsonWriter(output, indented ? s_indented : s_compact);
        WriteNode(writer, node);
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue(out JsonElement element):
                // Parsed values still point at the source text: copy it verbatim (numbers like 1.0 or 1e3,
                // and string escapes such as \u00e9, stay as written).
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
