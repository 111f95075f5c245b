using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Conformance;

/// <summary>Tree operations the recording tool performs on a snapshot before and while transforming it.</summary>
internal static class SnapshotJson
{
    private static readonly JsonSerializerOptions s_compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Fields of the history structure whose value is a user payload (a JSON string in the API).</summary>
    private static readonly HashSet<string> s_payloadFields =
        new(["input", "output", "cause", "parameters", "result", "error"], StringComparer.Ordinal);

    /// <summary>
    /// Step 1 and 2 of the normalisation: object keys of the history structure sorted (ordinal, as Python sorts
    /// strings) and every value that is a string starting with <c>{</c> and parsing as JSON replaced by the parsed
    /// value, one level deep: the parsed value keeps its own key order and its strings are not parsed again.
    /// Payload fields (<c>input</c>, <c>output</c>, <c>cause</c> ..., and each of <c>assignedVariables</c>) that
    /// are already objects were parsed before, so they are kept as they are; that makes the step idempotent.
    /// </summary>
    public static JsonNode? SortAndParseObjectStrings(JsonNode? node) => Structure(node, payloadChildren: false);

    private static JsonNode? Structure(JsonNode? node, bool payloadChildren)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is JsonValue v && v.TryGetValue(out string? text) && TryParseObjectString(text, out var parsed))
                    {
                        sorted[name] = parsed;
                    }
                    else if (payloadChildren || s_payloadFields.Contains(name))
                    {
                        sorted[name] = value?.DeepClone();
                    }
                    else
                    {
                        sorted[name] = Structure(value, payloadChildren: name == "assignedVariables");
                    }
                }

                return sorted;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Structure(item, payloadChildren: false))]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Parses <paramref name="text"/> when it starts with <c>{</c> and is valid JSON.</summary>
    public static bool TryParseObjectString(string? text, out JsonNode? parsed)
    {
        parsed = null;
        if (text is null || !text.StartsWith('{'))
        {
            return false;
        }

        return TryParse(text, out parsed);
    }

    public static bool TryParse(string text, out JsonNode? parsed)
    {
        try
        {
            parsed = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            parsed = null;
            return false;
        }
    }

    /// <summary>Applies a text substitution to every string value and property name, as the recorder's regex
    /// transformers do on the serialised snapshot.</summary>
    public static JsonNode? RewriteStrings(JsonNode? node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    string newName = rewrite(name);
                    // Two keys rewritten to the same text: the later one wins, as with a Python dict.
                    result[newName] = RewriteStrings(value, rewrite);
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => RewriteStrings(item, rewrite))]);
            case JsonValue value when value.TryGetValue(out string? text):
                string rewritten = rewrite(text);
                return ReferenceEquals(rewritten, text) || rewritten == text ? value.DeepClone() : JsonValue.Create(rewritten);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Visits every (property name, value) pair depth first, in document order.</summary>
    public static void VisitProperties(JsonNode? node, Action<string, JsonNode?> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    visit(name, value);
                    VisitProperties(value, visit);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    VisitProperties(item, visit);
                }

                break;
        }
    }

    /// <summary>Replaces property values for which <paramref name="replace"/> returns a replacement.</summary>
    public static void ReplaceProperties(JsonNode? node, Func<string, JsonNode?, JsonNode?> replace)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var replacement = replace(name, obj[name]);
                    if (replacement is not null)
                    {
                        obj[name] = replacement;
                    }
                    else
                    {
                        ReplaceProperties(obj[name], replace);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReplaceProperties(item, replace);
                }

                break;
        }
    }

    /// <summary>Compact JSON text of a value, used as a sort key and in messages.</summary>
    public static string ToText(JsonNode? node) => node is null ? "null" : node.ToJsonString(s_compact);
}
