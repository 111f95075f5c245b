using System.Text.Json.Nodes;

namespace SfnResume.Core.Json;

/// <summary>
/// JSON Merge Patch, RFC 7396 (https://www.rfc-editor.org/rfc/rfc7396#section-2): objects merge member by
/// member, <c>null</c> removes a member, anything else replaces the target wholesale.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>Returns a new document: <paramref name="target"/> with <paramref name="patch"/> applied. Neither input is changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            var existing = result.TryGetPropertyValue(name, out var current) ? current : null;
            var merged = Apply(existing, value);
            result[name] = merged;
        }

        return result;
    }
}
