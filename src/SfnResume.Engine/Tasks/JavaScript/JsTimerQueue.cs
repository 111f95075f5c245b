using Jint.Native;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>The timers of one handler engine (<c>setTimeout</c>, <c>setInterval</c>, <c>setImmediate</c>), due on
/// the injected clock. Timers left pending when an invocation ends run in a later one, as in a warm container.</summary>
internal sealed class JsTimerQueue(TimeProvider timeProvider)
{
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly List<Timer> _timers = [];
    private int _nextId = 1;
    private long _sequence;

    public int Count => _timers.Count;

    public int Add(JsValue callback, double milliseconds, bool repeat)
    {
        // Node clamps delays below 1 ms (and non-numbers) to 1 ms; 0 here keeps setImmediate ahead of timers.
        var delay = TimeSpan.FromMilliseconds(double.IsFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0);
        var id = _nextId++;
        _timers.Add(new Timer(id, callback, _timeProvider.GetUtcNow() + delay, repeat ? delay : null, _sequence++));
        return id;
    }

    public void Remove(int id) => _timers.RemoveAll(t => t.Id == id);

    public DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var t in _timers)
        {
            if (next is null || t.Due < next)
            {
                next = t.Due;
            }
        }

        return next;
    }

    /// <summary>Removes and returns the earliest timer due by now, rescheduling an interval.</summary>
    public JsValue? TakeDue()
    {
        if (_timers.Count == 0)
        {
            return null;
        }

        var now = _timeProvider.GetUtcNow();
        Timer? best = null;
        foreach (var t in _timers)
        {
            if (t.Due <= now && (best is null || t.Due < best.Due || (t.Due == best.Due && t.Sequence < best.Sequence)))
            {
                best = t;
            }
        }

        if (best is null)
        {
            return null;
        }

        _timers.Remove(best);
        if (best.Interval is { } interval)
        {
            _timers.Add(best with { Due = now + (interval > TimeSpan.Zero ? interval : TimeSpan.FromMilliseconds(1)), Sequence = _sequence++ });
        }

        return best.Callback;
    }

    private sealed record Timer(int Id, JsValue Callback, DateTimeOffset Due, TimeSpan? Interval, long Sequence);
}
