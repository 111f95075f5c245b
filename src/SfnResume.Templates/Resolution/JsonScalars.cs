using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>Reads scalar JSON values the way CloudFormation treats them: every scalar has a string form.</summary>
internal static class JsonScalars
{
    /// <summary>The string form of a scalar, or <see langword="null"/> for null, arrays and objects.</summary>
    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>The one key of a single-key mapping (the shape of every intrinsic function).</summary>
    public static bool TrySingle(JsonObject obj, out string key, out JsonNode? value)
    {
        if (obj.Count == 1)
        {
            var pair = obj.First();
            key = pair.Key;
            value = pair.Value;
            return true;
        }

        key = string.Empty;
        value = null;
        return false;
    }

    public static bool IsIntrinsicKey(string key) =>
        key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal);
}
