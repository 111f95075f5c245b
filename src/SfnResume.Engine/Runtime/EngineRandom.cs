using SfnResume.Core.Expressions.Intrinsics;

namespace SfnResume.Engine.Runtime;

/// <summary>The engine's injected randomness, as the intrinsic functions (<c>States.MathRandom</c>, <c>States.UUID</c>) need it.</summary>
internal sealed class EngineRandom(EngineOptions options) : IIntrinsicRandom
{
    public int NextInt(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            return minInclusive;
        }

        var span = (long)maxExclusive - minInclusive;
        return (int)(minInclusive + Math.Min(span - 1, (long)(options.NextRandom() * span)));
    }

    public Guid NewGuid() => options.NewGuid();
}
