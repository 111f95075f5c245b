using System.Text.Json.Nodes;
using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Resources;

/// <summary>
/// Applies the SAM <c>Globals</c> section to a resource's properties. Per the SAM specification
/// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html):
/// a scalar on the resource replaces the global one, mappings are merged with the resource's keys winning, and
/// lists are the global items followed by the resource's.
/// </summary>
internal static class SamGlobals
{
    public static JsonObject Apply(JsonObject? globals, JsonObject? properties)
    {
        var merged = (JsonObject?)properties?.DeepClone() ?? [];
        if (globals is null)
        {
            return merged;
        }

        foreach (var (key, globalValue) in globals)
        {
            merged[key] = Merge(globalValue, merged.TryGetPropertyValue(key, out var own) ? own : null, merged.ContainsKey(key));
        }

        return merged;
    }

    private static JsonNode? Merge(JsonNode? global, JsonNode? own, bool hasOwn)
    {
        if (!hasOwn)
        {
            return global?.DeepClone();
        }

        if (global is JsonObject globalMap && own is JsonObject ownMap && !IsIntrinsic(globalMap) && !IsIntrinsic(ownMap))
        {
            var result = (JsonObject)globalMap.DeepClone();
            foreach (var (key, value) in ownMap)
            {
                result[key] = globalMap.ContainsKey(key) ? Merge(globalMap[key], value, hasOwn: true) : value?.DeepClone();
            }

            return result;
        }

        if (global is JsonArray globalList && own is JsonArray ownList)
        {
            var result = (JsonArray)globalList.DeepClone();
            foreach (var item in ownList)
            {
                result.Add(item?.DeepClone());
            }

            return result;
        }

        return own?.DeepClone();
    }

    private static bool IsIntrinsic(JsonObject obj) =>
        JsonScalars.TrySingle(obj, out var key, out _) && JsonScalars.IsIntrinsicKey(key);
}
