using System.Text;

namespace SfnResume.Core.History;

/// <summary>
/// Hands out one string per distinct short UTF-8 text: state names, resources, ARNs and error names repeat across
/// thousands of events. An open-addressing table keyed by the bytes, so a repeat costs a hash and a compare and
/// allocates nothing (and, like <see cref="Utf8NameTable{T}"/>, it is compiled ahead of time).
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>Longer texts are rarely repeated; they are decoded without caching.</summary>
    public const int MaxLength = 128;

    private Slot[] _slots = new Slot[256];
    private int _count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Text is null)
            {
                var text = Encoding.UTF8.GetString(utf8);
                slot = new Slot(hash, utf8.ToArray(), text);
                if (++_count * 2 > _slots.Length)
                {
                    Grow();
                }

                return text;
            }

            if (slot.Hash == hash && utf8.SequenceEqual(slot.Utf8))
            {
                return slot.Text;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Text is null)
            {
                continue;
            }

            var i = slot.Hash & mask;
            while (_slots[i].Text is not null)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = slot;
        }
    }

    private readonly record struct Slot(int Hash, byte[] Utf8, string? Text);
}
