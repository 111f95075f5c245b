using System.Text;

namespace SfnResume.Core.History;

/// <summary>
/// A fixed set of member or type names looked up by their UTF-8 bytes as they sit in the input, bucketed by length.
/// Plain arrays and a loop rather than a framework dictionary over span keys: ReadyToRun compiles this ahead of time,
/// while a framework generic instantiated over our enums and <c>ReadOnlySpan&lt;char&gt;</c> is compiled by the
/// JIT at start-up and then runs unoptimised for the rest of a short command.
/// </summary>
internal sealed class Utf8NameTable<T>
    where T : struct
{
    private readonly Entry[][] _byLength;

    /// <param name="entries">Names and values; an array, so building the table needs no generic collection code either.</param>
    public Utf8NameTable((string Name, T Value)[] entries)
    {
        var names = new byte[entries.Length][];
        var longest = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            names[i] = Encoding.UTF8.GetBytes(entries[i].Name);
            longest = Math.Max(longest, names[i].Length);
        }

        var counts = new int[longest + 1];
        foreach (var name in names)
        {
            counts[name.Length]++;
        }

        _byLength = new Entry[counts.Length][];
        for (var length = 0; length < counts.Length; length++)
        {
            _byLength[length] = new Entry[counts[length]];
            counts[length] = 0;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var length = names[i].Length;
            _byLength[length][counts[length]++] = new Entry(names[i], entries[i].Value);
        }
    }

    public bool TryGetValue(ReadOnlySpan<byte> utf8, out T value)
    {
        if ((uint)utf8.Length < (uint)_byLength.Length)
        {
            foreach (var entry in _byLength[utf8.Length])
            {
                if (utf8.SequenceEqual(entry.Name))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Lookup by a decoded name (one that was escaped in the input).</summary>
    public bool TryGetValue(string name, out T value) => TryGetValue(Encoding.UTF8.GetBytes(name), out value);

    private readonly record struct Entry(byte[] Name, T Value);
}
