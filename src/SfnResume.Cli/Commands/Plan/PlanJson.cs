using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>The <c>--output json</c> shape of a plan: one object scripts can rely on.</summary>
internal static class PlanJson
{
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indented(JsonNode? node) => Infrastructure.JsonOutput.Indented(node);

    public static JsonObject ToJson(ResumePlan plan, StateMachineDefinition copy)
    {
        var result = ResumePlanJson.ToJson(plan);
        result["definition"] = copy.Raw.DeepClone();
        return result;
    }

    /// <summary>
    /// <see cref="ToJson"/> written to <paramref name="output"/> as <see cref="Indented"/> writes it, with a line
    /// end. The members are written one after the other and the definition straight from the copy's own nodes:
    /// placing it in the result object would take a deep copy of it (a node belongs to one parent), and the text
    /// goes out in small chunks rather than as one string of megabytes.
    /// </summary>
    public static void WriteIndented(TextWriter output, ResumePlan plan, JsonObject copy)
    {
        var buffer = new TextWriterBufferWriter(output);
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in ResumePlanJson.ToJson(plan))
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WritePropertyName("definition");
            copy.WriteTo(writer);
            writer.WriteEndObject();
        }

        buffer.Flush(final: true);
        output.WriteLine();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
