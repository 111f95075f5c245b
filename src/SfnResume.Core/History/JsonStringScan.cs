using System.Numerics;
using System.Runtime.Intrinsics;

namespace SfnResume.Core.History;

/// <summary>
/// Finds where a JSON string ends, 64 bytes at a time. Histories are mostly JSON text held in strings, so nearly
/// every other character is an escaped quote (<c>{\"sku\":\"A\"}</c>); stopping at each of them is what makes a
/// general-purpose reader slow here. Escaped positions come from the backslash bitmask with the carry technique
/// of simdjson (Langdale and Lemire, "Parsing Gigabytes of JSON per Second", 2019, section 3.1.1).
/// </summary>
internal static class JsonStringScan
{
    private const ulong EvenBits = 0x5555555555555555UL;

    /// <summary>The index of the closing quote of the string whose content starts at <paramref name="start"/>.</summary>
    /// <returns>-1 when the data ends first; -2 - i when byte i is a control character (not allowed in JSON strings).</returns>
    public static int FindEnd(ReadOnlySpan<byte> data, int start, out bool hasEscapes)
    {
        hasEscapes = false;
        var i = start;
        ulong prevEscaped = 0;
        // Vector128 rather than Vector256: 128-bit vectors are in every x64 and Arm64 baseline, so ReadyToRun
        // compiles this loop ahead of time; a Vector256 path is left to the JIT, which at start-up runs it
        // unoptimised over the whole input (most of a history's bytes are inside strings).
        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)0x20);
            while (i + 64 <= data.Length)
            {
                var v0 = Vector128.Create(data.Slice(i, 16));
                var v1 = Vector128.Create(data.Slice(i + 16, 16));
                var v2 = Vector128.Create(data.Slice(i + 32, 16));
                var v3 = Vector128.Create(data.Slice(i + 48, 16));
                var quotes = Mask(Vector128.Equals(v0, quote), Vector128.Equals(v1, quote), Vector128.Equals(v2, quote), Vector128.Equals(v3, quote));
                var slashes = Mask(Vector128.Equals(v0, backslash), Vector128.Equals(v1, backslash), Vector128.Equals(v2, backslash), Vector128.Equals(v3, backslash));
                var controls = Mask(Vector128.LessThan(v0, space), Vector128.LessThan(v1, space), Vector128.LessThan(v2, space), Vector128.LessThan(v3, space));

                ulong escaped = 0;
                if ((slashes | prevEscaped) != 0)
                {
                    escaped = Escaped(slashes, ref prevEscaped);
                }

                var ends = quotes & ~escaped;
                var limit = ends == 0 ? ulong.MaxValue : (1UL << BitOperations.TrailingZeroCount(ends)) - 1;
                if ((controls & limit) != 0)
                {
                    return -2 - (i + BitOperations.TrailingZeroCount(controls & limit));
                }

                if ((slashes & limit) != 0)
                {
                    hasEscapes = true;
                }

                if (ends != 0)
                {
                    return i + BitOperations.TrailingZeroCount(ends);
                }

                i += 64;
            }
        }

        // The rest, one byte at a time; prevEscaped says whether the first byte here is escaped.
        var skipNext = prevEscaped != 0;
        for (; i < data.Length; i++)
        {
            var b = data[i];
            if (b < 0x20)
            {
                return -2 - i;
            }

            if (skipNext)
            {
                skipNext = false;
                continue;
            }

            if (b == '\\')
            {
                hasEscapes = true;
                skipNext = true;
            }
            else if (b == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static ulong Mask(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3) =>
        v0.ExtractMostSignificantBits() | ((ulong)v1.ExtractMostSignificantBits() << 16)
        | ((ulong)v2.ExtractMostSignificantBits() << 32) | ((ulong)v3.ExtractMostSignificantBits() << 48);

    /// <summary>The positions escaped by a backslash: the second of each pair in a run of backslashes.</summary>
    private static ulong Escaped(ulong backslash, ref ulong prevEscaped)
    {
        // A backslash that the previous block escaped is a plain character.
        backslash &= ~prevEscaped;
        var followsEscape = (backslash << 1) | prevEscaped;

        // Runs starting on an odd bit are turned into carries that flip the parity of the escaped positions.
        var oddSequenceStarts = backslash & ~EvenBits & ~followsEscape;
        var sequencesStartingOnEvenBits = oddSequenceStarts + backslash;
        prevEscaped = sequencesStartingOnEvenBits < oddSequenceStarts ? 1UL : 0UL;
        var invertMask = sequencesStartingOnEvenBits << 1;
        return (EvenBits ^ invertMask) & followsEscape;
    }
}
