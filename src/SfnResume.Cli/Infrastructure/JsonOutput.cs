using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Cli.Infrastructure;

/// <summary>JSON as the CLI prints it: indented, non-ASCII kept readable.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indented(JsonNode? node) => node?.ToJsonString(s_indented) ?? "null";

    /// <summary>A JSON value when the text is JSON; otherwise the text as a string.</summary>
    public static JsonNode? ParseOrText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>One line, cut at 400 characters, for text output.</summary>
    public static string Abbreviate(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > 400 ? flat[..400] + $"… ({flat.Length} characters)" : flat;
    }
}
