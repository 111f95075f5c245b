using System.Text.Encodings.Web;
using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// An execution's history: its events ordered by id, ids 1..N without gaps. Reads every form a user has
/// (AWS CLI v1/v2, SDK and boto3 output, pages concatenated, newest first, CloudWatch Logs records) and writes
/// <c>{"events":[...]}</c> in which each event read is reproduced as it was read.
/// </summary>
public sealed class ExecutionHistory
{
    private static readonly JsonWriterOptions s_compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions s_indented = s_compact with { Indented = true };

    private readonly HistoryEvent[] _events;

    private ExecutionHistory(HistoryEvent[] events) => _events = events;

    /// <summary>The events, ordered by id (<c>Events[i].Id == i + 1</c>).</summary>
    public IReadOnlyList<HistoryEvent> Events => _events;

    public int Count => _events.Length;

    /// <summary>The event with the given id.</summary>
    public HistoryEvent this[long id] => id >= 1 && id <= _events.Length
        ? _events[id - 1]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"the history holds ids 1..{_events.Length}");

    /// <summary>Reads a history from UTF-8 bytes. The events keep slices of <paramref name="utf8"/>: do not reuse the buffer.</summary>
    /// <exception cref="HistoryFormatException">The input is not a history; the message says what and where.</exception>
    public static ExecutionHistory Parse(ReadOnlyMemory<byte> utf8)
    {
        var events = new List<HistoryEvent>();
        var locations = new EventLocationList();
        HistoryReader.Read(utf8, events, locations);
        return new ExecutionHistory(Order(events, locations));
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte})"/>
    public static ExecutionHistory Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Reads a whole stream (a file, a pipe) and parses it.</summary>
    public static async Task<ExecutionHistory> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return Parse(copy.GetBuffer().AsMemory(0, (int)copy.Length));
    }

    /// <summary>A history of events built in code (the engine's); they are ordered and checked like read ones.</summary>
    public static ExecutionHistory FromEvents(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        var locations = new EventLocationList();
        for (var i = 0; i < list.Count; i++)
        {
            locations.Add(new EventLocation("events", i));
        }

        return new ExecutionHistory(Order(list, locations));
    }

    /// <summary><c>{"events":[...]}</c>, compact; read events as read, built events in the wire shape.</summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        WriteTo(stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public void WriteTo(Stream stream, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(stream, indented ? s_indented : s_compact);
        WriteTo(writer);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("events");
        writer.WriteStartArray();
        foreach (var e in _events)
        {
            HistoryEventWriter.Write(writer, e);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Places each event at its id, drops exact duplicates (overlapping pages) and reports gaps.</summary>
    private static HistoryEvent[] Order(List<HistoryEvent> events, EventLocationList locations)
    {
        if (events.Count == 0)
        {
            return [];
        }

        long maxId = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var id = events[i].Id;
            if (id < 1)
            {
                throw new HistoryFormatException($"event id {id} is not positive", locations[i].At(".id"), null);
            }

            maxId = Math.Max(maxId, id);
        }

        // More distinct ids than events means gaps; the check below names them. Guard the allocation first.
        if (maxId > events.Count)
        {
            throw new HistoryFormatException(MissingMessage(events, maxId));
        }

        var slots = new HistoryEvent?[maxId];
        var slotIndex = new int[maxId];
        var distinct = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var slot = e.Id - 1;
            if (slots[slot] is not { } seen)
            {
                slots[slot] = e;
                slotIndex[slot] = i;
                distinct++;
            }
            else if (!SameContent(seen, e))
            {
                throw new HistoryFormatException(
                    $"event id {e.Id} appears twice with different content ({locations[slotIndex[slot]]} and {locations[i]})");
            }
        }

        if (distinct != maxId)
        {
            throw new HistoryFormatException(MissingMessage(events, maxId));
        }

        return slots!;
    }

    private static bool SameContent(HistoryEvent a, HistoryEvent b)
    {
        if (a.HasSource && b.HasSource)
        {
            if (a.SourceJson.Span.SequenceEqual(b.SourceJson.Span))
            {
                return true;
            }

            // Same event from two exports that differ only in layout.
            using var da = JsonDocument.Parse(a.SourceJson);
            using var db = JsonDocument.Parse(b.SourceJson);
            return JsonElement.DeepEquals(da.RootElement, db.RootElement);
        }

        return a == b;
    }

    private static string MissingMessage(List<HistoryEvent> events, long maxId)
    {
        var ids = events.Select(e => e.Id).Distinct().Order().ToArray();
        var ranges = new List<string>();
        long missing = 0;
        long expected = 1;
        foreach (var id in ids)
        {
            if (id > expected)
            {
                missing += id - expected;
                if (ranges.Count < 10)
                {
                    ranges.Add(id - 1 == expected ? $"{expected}" : $"{expected}-{id - 1}");
                }
            }

            expected = id + 1;
        }

        var more = ranges.Count == 10 ? " ..." : "";
        return $"event ids must run 1..{maxId} without gaps; {missing} missing: {string.Join(", ", ranges)}{more}";
    }
}
