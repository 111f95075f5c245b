using SfnResume.Core.History;

namespace SfnResume.Local.Replay;

/// <summary>
/// Pairs the events the engine writes with the recorded ones. The engine numbers its own events; a recorded
/// event is found by what does not depend on numbering or thread timing: its type, the recorded event it
/// follows (previousEventId, translated) and its state name or Map index. Concurrent branches therefore replay
/// in any order. An event with no recorded twin is live: it gets the next stored id.
/// </summary>
internal sealed class ReplayMatcher
{
    private readonly Dictionary<(HistoryEventType Type, long Previous, string Key), Queue<HistoryEvent>> _unmatched = [];
    private readonly Dictionary<long, List<HistoryEvent>> _byPrevious = [];
    private readonly Dictionary<long, long> _storedIdOf = new() { [0] = 0 };
    private readonly HistoryEvent[] _expected;
    private readonly HashSet<long> _matched = [];
    private readonly ReplayPlan _plan;
    private int _cursor;
    private long _nextStoredId;

    public ReplayMatcher(ReplayPlan plan)
    {
        _plan = plan;
        _expected = [.. plan.Expected];
        foreach (var e in _expected)
        {
            var key = (e.Type, e.PreviousEventId, KeyOf(e));
            if (!_unmatched.TryGetValue(key, out var queue))
            {
                _unmatched[key] = queue = new Queue<HistoryEvent>(1);
            }

            queue.Enqueue(e);
            if (!_byPrevious.TryGetValue(e.PreviousEventId, out var list))
            {
                _byPrevious[e.PreviousEventId] = list = new List<HistoryEvent>(1);
            }

            list.Add(e);
        }

        Remaining = _expected.Length;
        _nextStoredId = plan.LastStoredId + 1;
    }

    /// <summary>Recorded events not written again yet.</summary>
    public int Remaining { get; private set; }

    /// <summary>
    /// Replayed events whose data (state input or output, task result) differs from the recorded event: the run
    /// is not the deterministic repeat replay assumes (a changed handler, a clock read the replay could not serve).
    /// </summary>
    public int Mismatches { get; private set; }

    /// <summary>Live events written so far.</summary>
    public int LiveCount { get; private set; }

    /// <summary>
    /// The recorded twin of <paramref name="engineEvent"/> (then <paramref name="stored"/> is it) or the event to
    /// store (renumbered, pointing at stored ids). Call under one lock per execution, in the engine's order.
    /// </summary>
    public bool TryMatch(HistoryEvent engineEvent, out HistoryEvent stored)
    {
        var previous = _storedIdOf.TryGetValue(engineEvent.PreviousEventId, out var p) ? p : engineEvent.PreviousEventId;
        if (Remaining > 0 && _unmatched.TryGetValue((engineEvent.Type, previous, KeyOf(engineEvent)), out var queue) && queue.Count > 0)
        {
            stored = queue.Dequeue();
            if (!SameData(engineEvent, stored))
            {
                Mismatches++;
            }

            _storedIdOf[engineEvent.Id] = stored.Id;
            _matched.Add(stored.Id);
            Remaining--;
            while (_cursor < _expected.Length && _matched.Contains(_expected[_cursor].Id))
            {
                _cursor++;
            }

            return true;
        }

        if (_plan.ContinuesTopLevelBeforeRedrive(previous))
        {
            previous = _plan.RedrivenEventId;
        }

        var id = _nextStoredId++;
        _storedIdOf[engineEvent.Id] = id;
        LiveCount++;
        stored = engineEvent with { Id = id, PreviousEventId = previous };
        return false;
    }

    /// <summary>An id for an event the runner writes itself (after the live ones).</summary>
    public long TakeNextId() => _nextStoredId++;

    /// <summary>While recorded events remain: the time of the earliest one (the next the engine writes, in a sequential run).</summary>
    public DateTimeOffset? ReplayTime => _cursor < _expected.Length ? _expected[_cursor].Timestamp : null;

    /// <summary>The recorded event that ended the call started by <paramref name="started"/> (LambdaFunctionStarted or TaskStarted).</summary>
    public HistoryEvent? OutcomeOf(HistoryEvent started)
    {
        if (!_byPrevious.TryGetValue(started.Id, out var following))
        {
            return null;
        }

        foreach (var e in following)
        {
            if (e.Type is HistoryEventType.LambdaFunctionSucceeded or HistoryEventType.LambdaFunctionFailed
                or HistoryEventType.LambdaFunctionTimedOut or HistoryEventType.TaskSucceeded
                or HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut)
            {
                return e;
            }
        }

        return null;
    }

    private static bool SameData(HistoryEvent replayed, HistoryEvent recorded) => replayed.Details switch
    {
        StateEnteredEventDetails entered => entered.Input == recorded.StateEnteredEventDetails?.Input,
        StateExitedEventDetails exited => exited.Output == recorded.StateExitedEventDetails?.Output,
        _ => true,
    };

    private static string KeyOf(HistoryEvent e) => e.Details switch
    {
        StateEnteredEventDetails entered => entered.Name,
        StateExitedEventDetails exited => exited.Name,
        MapIterationEventDetails iteration => (iteration.Name ?? "") + "#" + iteration.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
