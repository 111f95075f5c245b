using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>States.MathRandom and States.MathAdd.</summary>
internal static class MathIntrinsics
{
    /// <summary>
    /// An integer in [start, end). With a seed the result is repeatable (a seeded generator is a pure
    /// function of the seed); without one it comes from the injected random source.
    /// </summary>
    public static JsonNode? MathRandom(in IntrinsicCall call)
    {
        var start = ToInt32(call, 0);
        var end = ToInt32(call, 1);
        if (start >= end)
        {
            throw call.Fail($"the start ({start}) must be less than the end ({end})");
        }

        int value;
        if (call.Values.Length == 3)
        {
            var seed = ToInt32(call, 2);
            value = new Random(seed).Next(start, end);
        }
        else
        {
            value = call.Random.NextInt(start, end);
        }

        return JsonValue.Create(value);
    }

    /// <summary>Adds two numbers after rounding each half up (recorded: 1.49 + 1.5 = 3, -0.5 + 0.5 = 1); the operands and the sum must fit in 32 bits.</summary>
    public static JsonNode? MathAdd(in IntrinsicCall call)
    {
        long sum = (long)ToInt32(call, 0) + ToInt32(call, 1);
        if (sum is < int.MinValue or > int.MaxValue)
        {
            throw call.Fail($"the sum {sum} is outside the 32-bit integer range");
        }

        return JsonValue.Create((int)sum);
    }

    private static int ToInt32(in IntrinsicCall call, int index)
    {
        var value = IntrinsicArgs.RoundedInteger(call, index);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw call.Fail($"argument {index + 1} ({value}) is outside the 32-bit integer range");
        }

        return (int)value;
    }
}
