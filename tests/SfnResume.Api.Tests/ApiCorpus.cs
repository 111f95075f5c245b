using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Testing;

namespace SfnResume.Api.Tests;

/// <summary>One recorded exchange of the conformance-api corpus (shared/conformance-api/cases).</summary>
internal sealed record ApiCase(string Id, string Kind, string Operation, JsonObject Request, string? ErrorCode, string? ErrorMessage)
{
    public override string ToString() => Id;
}

internal static class ApiCorpus
{
    private static readonly Lazy<IReadOnlyList<ApiCase>> s_cases = new(Load);

    public static IReadOnlyList<ApiCase> All => s_cases.Value;

    /// <summary>
    /// The request as it was sent: a <c>definition</c> recorded as an object was sent as JSON text (the exact text
    /// when <c>definition_string</c> is present, else Python's <c>json.dumps</c> with ", " and ": " separators).
    /// </summary>
    public static JsonObject WireRequest(JsonObject recorded, string? definitionString)
    {
        var request = (JsonObject)recorded.DeepClone();
        if (request["definition"] is JsonObject definition)
        {
            request["definition"] = definitionString ?? PythonDumps(definition);
        }

        return request;
    }

    private static List<ApiCase> Load()
    {
        var cases = new List<ApiCase>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InShared("conformance-api", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var request = root["request"] as JsonObject ?? [];
            cases.Add(new ApiCase(
                root["id"]!.GetValue<string>(),
                root["kind"]!.GetValue<string>(),
                root["operation"]!.GetValue<string>(),
                WireRequest(request, root["definition_string"]?.GetValue<string>()),
                root["error"]?["code"]?.GetValue<string>(),
                root["error"]?["message"]?.GetValue<string>()));
        }

        return cases;
    }

    /// <summary>Python's <c>json.dumps(value)</c>: ", " and ": " separators, non-ASCII escaped.</summary>
    private static string PythonDumps(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject o:
                return "{" + string.Join(", ", o.Select(p => Quote(p.Key) + ": " + PythonDumps(p.Value))) + "}";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(PythonDumps)) + "]";
            default:
                var element = node.GetValue<JsonElement>();
                return element.ValueKind == JsonValueKind.String ? Quote(element.GetString()!) : element.GetRawText();
        }
    }

    private static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
