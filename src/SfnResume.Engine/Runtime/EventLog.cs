using System.Collections;
using SfnResume.Core.History;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// The events of one execution, appended in fixed-size chunks. A growing list copies itself at every doubling, and
/// past ~10,000 events its array lands on the large object heap, whose allocations start full (gen 2) collections:
/// a 40,000-event run spent more time in those than in running its states. Chunks are never copied and stay small.
/// Not synchronised: <see cref="HistoryRecorder"/> appends under its lock.
/// </summary>
internal sealed class EventLog : IReadOnlyList<HistoryEvent>
{
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;
    private const int FirstCapacity = 64;

    private HistoryEvent[][] _chunks = [new HistoryEvent[FirstCapacity]];
    private int _count;

    public int Count => _count;

    public HistoryEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    public void Add(HistoryEvent e)
    {
        var chunk = _count >> ChunkShift;
        var slot = _count & (ChunkSize - 1);
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, chunk * 2);
        }

        var items = _chunks[chunk];
        if (items is null)
        {
            items = _chunks[chunk] = new HistoryEvent[ChunkSize];
        }
        else if (slot == items.Length)
        {
            // Only the first chunk starts small (short executions), doubling up to the chunk size.
            Array.Resize(ref items, items.Length * 2);
            _chunks[chunk] = items;
        }

        items[slot] = e;
        _count++;
    }

    public IEnumerator<HistoryEvent> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _chunks[i >> ChunkShift][i & (ChunkSize - 1)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
