using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Cli.Infrastructure;

/// <summary>Reads an option given as inline JSON or as <c>@FILE</c>.</summary>
internal static class JsonArgument
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static JsonNode? Read(string value, string optionName)
    {
        string text;
        string where;
        if (value.StartsWith('@'))
        {
            var path = value[1..];
            where = $"{optionName} file '{path}'";
            text = CliFiles.ReadText(path, optionName);
        }
        else
        {
            where = optionName;
            text = value;
        }

        return Parse(text, where);
    }

    public static JsonNode? Parse(string text, string where)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: s_options);
        }
        catch (JsonException ex)
        {
            throw new CliUserException($"{where}: invalid JSON{Position(ex)}: {FirstSentence(ex.Message)}");
        }
    }

    internal static string Position(JsonException ex) =>
        ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : "";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.TrimEnd(' ', '.');
    }
}
