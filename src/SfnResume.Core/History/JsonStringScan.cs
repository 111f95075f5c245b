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
        if (Vector256.IsHardwareAccelerated)
        {
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)0x20);
            while (i + 64 <= data.Length)
            {
                var lo = Vector256.Create(data.Slice(i, 32));
                var hi = Vector256.Create(data.Slice(i + 32, 32));
                var quotes = Mask(Vector256.Equals(lo, quote), Vector256.Equals(hi, quote));
                var slashes = Mask(Vector256.Equals(lo, backslash), Vector256.Equals(hi, backslash));
                var controls = Mask(Vector256.LessThan(lo, space), Vector256.LessThan(hi, space));

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

    private static ulong Mask(Vector256<byte> lo, Vector256<byte> hi) =>
        lo.ExtractMostSignificantBits() | ((ulong)hi.ExtractMostSignificantBits() << 32);

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
