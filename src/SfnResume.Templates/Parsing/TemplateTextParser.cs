using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Templates.Parsing;

/// <summary>Turns template text, JSON or YAML, into one JSON tree where short-form tags are already long forms.</summary>
internal static class TemplateTextParser
{
    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static JsonNode? Parse(string text, string what)
    {
        // A JSON template starts with '{'. YAML is a superset of JSON, but the JSON reader is faster and its
        // errors speak JSON.
        var start = text.AsSpan().TrimStart();
        if (start.Length > 0 && start[0] == '{')
        {
            return ParseJson(text, what);
        }

        return YamlTemplateParser.Parse(text, what);
    }

    private static JsonNode? ParseJson(string text, string what)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: s_jsonOptions);

            // JsonObject reports duplicate keys only when it is first read; read it all now so the error comes here.
            _ = node?.ToJsonString();
            return node;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new TemplateException(
                $"{what} is not valid JSON at line {line}, column {column}: {FirstSentence(ex.Message)}",
                null, line, column, ex);
        }
        catch (ArgumentException ex)
        {
            throw new TemplateException($"{what} is not valid JSON: {ex.Message}", null, inner: ex);
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " LineNumber: 2 | BytePositionInLine: 22." and " Path: $..."; the position is
        // reported separately, one-based.
        foreach (var marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[..cut];
            }
        }

        return message.Trim();
    }
}
