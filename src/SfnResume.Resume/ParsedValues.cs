using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>
/// Gives the values a rewrite created in code (<c>["Type"] = "Choice"</c>) the form the parser gives values read
/// from a file: backed by parsed JSON. The copy is then modelled from its nodes rather than from its text, and still
/// reads exactly as if it had been written out and parsed again (the engine treats both forms alike, but parsed
/// values keep their number text as written).
/// </summary>
internal static class ParsedValues
{
    /// <summary>Replaces, in place, every value under <paramref name="node"/> that is not backed by parsed JSON.</summary>
    public static void Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<KeyValuePair<string, JsonNode?>>? replaced = null;
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue v && !v.TryGetValue(out JsonElement _))
                    {
                        (replaced ??= []).Add(new(name, Parsed(v)));
                    }
                    else if (value is not null)
                    {
                        Normalize(value);
                    }
                }

                // Setting an existing member keeps its place in the object.
                foreach (var (name, value) in replaced ?? [])
                {
                    obj[name] = value;
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && !v.TryGetValue(out JsonElement _))
                    {
                        array[i] = Parsed(v);
                    }
                    else if (array[i] is { } item)
                    {
                        Normalize(item);
                    }
                }

                break;
        }
    }

    private static JsonValue? Parsed(JsonValue value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return JsonValue.Create(document.RootElement.Clone());
    }
}
