namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>
/// The randomness behind <c>States.MathRandom</c> (without a seed) and <c>States.UUID</c>. Injected so that
/// core code stays deterministic; the engine supplies a real source, tests a fixed one.
/// </summary>
public interface IIntrinsicRandom
{
    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    int NextInt(int minInclusive, int maxExclusive);

    /// <summary>A new random (version 4) UUID.</summary>
    Guid NewGuid();
}
