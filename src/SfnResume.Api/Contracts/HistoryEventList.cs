using System.Collections;
using System.Text.Json.Serialization;
using SfnResume.Core.History;

namespace SfnResume.Api.Contracts;

/// <summary>
/// The <c>events</c> of a GetExecutionHistory page. A list type of its own so that it carries
/// <see cref="Json.HistoryEventListConverter"/>, which writes events with the history model's writer.
/// </summary>
[JsonConverter(typeof(Json.HistoryEventListConverter))]
public sealed class HistoryEventList : IReadOnlyList<HistoryEvent>
{
    private readonly HistoryEvent[] _events;

    public HistoryEventList(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
    }

    public static HistoryEventList Empty { get; } = new([]);

    public int Count => _events.Length;

    public HistoryEvent this[int index] => _events[index];

    public IEnumerator<HistoryEvent> GetEnumerator() => ((IEnumerable<HistoryEvent>)_events).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _events.GetEnumerator();
}
