using SfnResume.Core.Expressions.Intrinsics;

namespace SfnResume.Core.Tests.Expressions;

/// <summary>A deterministic random source: NextInt returns the lower bound plus an offset; NewGuid a fixed value.</summary>
internal sealed class FixedRandom(int offset = 0, Guid? guid = null) : IIntrinsicRandom
{
    public static readonly Guid DefaultGuid = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    public List<(int Min, int Max)> Calls { get; } = [];

    public int NextInt(int minInclusive, int maxExclusive)
    {
        Calls.Add((minInclusive, maxExclusive));
        return Math.Min(minInclusive + offset, maxExclusive - 1);
    }

    public Guid NewGuid() => guid ?? DefaultGuid;
}
