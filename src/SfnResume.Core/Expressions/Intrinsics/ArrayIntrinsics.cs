using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>States.Array and the States.Array* functions.</summary>
internal static class ArrayIntrinsics
{
    /// <summary>States.ArrayRange may produce at most 1,000 items.</summary>
    private const int MaxRangeItems = 1000;

    public static JsonNode? Array(in IntrinsicCall call)
    {
        var result = new JsonArray();
        foreach (var value in call.Values)
        {
            result.Add(JsonNodes.Clone(value));
        }

        return result;
    }

    public static JsonNode? ArrayPartition(in IntrinsicCall call)
    {
        var source = IntrinsicArgs.Array(call, 0);
        var size = IntrinsicArgs.RoundedInteger(call, 1);
        if (size <= 0)
        {
            throw call.Fail($"the chunk size must be greater than 0 but was {IntrinsicArgs.Describe(call.Values[1])}");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in source)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }

            chunk.Add(JsonNodes.Clone(item));
        }

        return result;
    }

    public static JsonNode? ArrayContains(in IntrinsicCall call)
    {
        var source = IntrinsicArgs.Array(call, 0);
        var wanted = call.Values[1];
        foreach (var item in source)
        {
            if (JsonNodes.DeepEquals(item, wanted))
            {
                return JsonValue.Create(true);
            }
        }

        return JsonValue.Create(false);
    }

    public static JsonNode? ArrayRange(in IntrinsicCall call)
    {
        var start = IntrinsicArgs.RoundedInteger(call, 0);
        var end = IntrinsicArgs.RoundedInteger(call, 1);
        var step = IntrinsicArgs.RoundedInteger(call, 2);
        if (step == 0)
        {
            throw call.Fail("the step must not be 0");
        }

        long count;
        if (step > 0)
        {
            count = end >= start ? ((end - start) / step) + 1 : 0;
        }
        else
        {
            count = start >= end ? ((start - end) / -step) + 1 : 0;
        }

        if (count > MaxRangeItems)
        {
            throw call.Fail($"the range has {count} items; the limit is {MaxRangeItems}");
        }

        var result = new JsonArray();
        for (long i = 0, value = start; i < count; i++, value += step)
        {
            result.Add(JsonValue.Create(value));
        }

        return result;
    }

    public static JsonNode? ArrayGetItem(in IntrinsicCall call)
    {
        var source = IntrinsicArgs.Array(call, 0);
        var index = IntrinsicArgs.RoundedInteger(call, 1);
        if (index < 0 || index >= source.Count)
        {
            throw call.Fail($"index {index} is out of bounds for an array of {source.Count} item(s)");
        }

        return JsonNodes.Clone(source[(int)index]);
    }

    public static JsonNode? ArrayLength(in IntrinsicCall call) =>
        JsonValue.Create(IntrinsicArgs.Array(call, 0).Count);

    /// <summary>Removes duplicates (structural equality), keeping the first occurrence of each value.</summary>
    public static JsonNode? ArrayUnique(in IntrinsicCall call)
    {
        var source = IntrinsicArgs.Array(call, 0);
        var result = new JsonArray();
        foreach (var item in source)
        {
            var seen = false;
            foreach (var kept in result)
            {
                if (JsonNodes.DeepEquals(kept, item))
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                result.Add(JsonNodes.Clone(item));
            }
        }

        return result;
    }
}
