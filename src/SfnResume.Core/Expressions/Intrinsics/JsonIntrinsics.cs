using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>States.StringToJson, States.JsonToString, States.JsonMerge.</summary>
internal static class JsonIntrinsics
{
    private static readonly JsonDocumentOptions s_parseOptions = new() { MaxDepth = 256 };

    /// <summary>Parses JSON text; empty or blank text gives null (recorded AWS behaviour), as does <c>"null"</c>.</summary>
    public static JsonNode? StringToJson(in IntrinsicCall call)
    {
        var text = IntrinsicArgs.String(call, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text, documentOptions: s_parseOptions);
        }
        catch (JsonException)
        {
            throw call.Fail("the argument is not valid JSON: " + text);
        }

        // Java's parser reads -0 as the integer 0 (recorded: StringToJson("-0") gives 0).
        if (parsed is JsonValue v && v.GetValueKind() == JsonValueKind.Number && JsonNodes.NumberText(v) == "-0")
        {
            return JsonValue.Create(0);
        }

        return parsed;
    }

    public static JsonNode? JsonToString(in IntrinsicCall call) =>
        JsonValue.Create(JsonNodes.ToCompactJson(call.Values[0]));

    /// <summary>Shallow merge: members of the second object replace those of the first. AWS supports only <c>false</c> (no deep merge).</summary>
    public static JsonNode? JsonMerge(in IntrinsicCall call)
    {
        var left = IntrinsicArgs.Object(call, 0);
        var right = IntrinsicArgs.Object(call, 1);
        if (call.Values[2] is not JsonValue flag || flag.GetValueKind() != JsonValueKind.False)
        {
            throw call.Fail("the third argument must be false: only shallow merging is supported");
        }

        var merged = new JsonObject();
        foreach (var member in left)
        {
            merged[member.Key] = JsonNodes.Clone(member.Value);
        }

        foreach (var member in right)
        {
            merged[member.Key] = JsonNodes.Clone(member.Value);
        }

        return merged;
    }
}
