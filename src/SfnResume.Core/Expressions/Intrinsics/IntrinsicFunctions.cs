using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>The table of intrinsic functions: name, arity, implementation.</summary>
internal static class IntrinsicFunctions
{
    private static readonly Dictionary<string, IntrinsicDefinition> s_table = new(StringComparer.Ordinal)
    {
        ["States.Format"] = new(1, int.MaxValue, StringIntrinsics.Format),
        ["States.StringToJson"] = new(1, 1, JsonIntrinsics.StringToJson),
        ["States.JsonToString"] = new(1, 1, JsonIntrinsics.JsonToString),
        ["States.JsonMerge"] = new(3, 3, JsonIntrinsics.JsonMerge),
        ["States.Array"] = new(0, int.MaxValue, ArrayIntrinsics.Array),
        ["States.ArrayPartition"] = new(2, 2, ArrayIntrinsics.ArrayPartition),
        ["States.ArrayContains"] = new(2, 2, ArrayIntrinsics.ArrayContains),
        ["States.ArrayRange"] = new(3, 3, ArrayIntrinsics.ArrayRange),
        ["States.ArrayGetItem"] = new(2, 2, ArrayIntrinsics.ArrayGetItem),
        ["States.ArrayLength"] = new(1, 1, ArrayIntrinsics.ArrayLength),
        ["States.ArrayUnique"] = new(1, 1, ArrayIntrinsics.ArrayUnique),
        ["States.Base64Encode"] = new(1, 1, StringIntrinsics.Base64Encode),
        ["States.Base64Decode"] = new(1, 1, StringIntrinsics.Base64Decode),
        ["States.Hash"] = new(2, 2, StringIntrinsics.Hash),
        ["States.StringSplit"] = new(2, 2, StringIntrinsics.StringSplit),
        ["States.UUID"] = new(0, 0, StringIntrinsics.Uuid),
        ["States.MathRandom"] = new(2, 3, MathIntrinsics.MathRandom),
        ["States.MathAdd"] = new(2, 2, MathIntrinsics.MathAdd),
    };

    public static IEnumerable<string> Names => s_table.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out IntrinsicDefinition? definition) =>
        s_table.TryGetValue(name, out definition);
}

internal sealed record IntrinsicDefinition(int MinArguments, int MaxArguments, IntrinsicFunction Function);

/// <summary>Argument checks shared by the implementations.</summary>
internal static class IntrinsicArgs
{
    public static string String(in IntrinsicCall call, int index)
    {
        if (!JsonPath.JsonNodes.TryGetString(call.Values[index], out var s))
        {
            throw call.Fail($"argument {index + 1} must be a string but was {Describe(call.Values[index])}");
        }

        return s;
    }

    public static JsonArray Array(in IntrinsicCall call, int index) =>
        call.Values[index] as JsonArray
        ?? throw call.Fail($"argument {index + 1} must be an array but was {Describe(call.Values[index])}");

    public static JsonObject Object(in IntrinsicCall call, int index) =>
        call.Values[index] as JsonObject
        ?? throw call.Fail($"argument {index + 1} must be a JSON object but was {Describe(call.Values[index])}");

    public static double Number(in IntrinsicCall call, int index)
    {
        if (!JsonPath.JsonNodes.TryGetDouble(call.Values[index], out var d))
        {
            throw call.Fail($"argument {index + 1} must be a number but was {Describe(call.Values[index])}");
        }

        return d;
    }

    /// <summary>A number rounded as Java's Math.round does (half up), which AWS applies to integer arguments.</summary>
    public static long RoundedInteger(in IntrinsicCall call, int index)
    {
        if (JsonPath.JsonNodes.TryGetInt64(call.Values[index], out var l))
        {
            return l;
        }

        return (long)Math.Floor(Number(call, index) + 0.5);
    }

    public static string Describe(JsonNode? node) => JsonPath.JsonNodes.ToCompactJson(node);
}
