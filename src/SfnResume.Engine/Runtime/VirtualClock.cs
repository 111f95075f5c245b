namespace SfnResume.Engine.Runtime;

/// <summary>
/// Fast-forward time: one virtual clock per execution. Waits and retry pauses register a sleeper instead of
/// taking real time; the execution's driver wakes the earliest sleeper (ties in registration order) and moves
/// the clock to its wake time. Branches that wait therefore interleave by virtual time, exactly as their events
/// would on AWS, and a run with synchronous tasks is fully deterministic.
/// </summary>
internal sealed class VirtualClock
{
    private readonly TimeProvider _time;
    private readonly PriorityQueue<Sleeper, (DateTimeOffset Wake, long Sequence)> _sleepers = new();
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private long _sequence;
    private TaskCompletionSource? _sleeperAdded;

    public VirtualClock(TimeProvider time) => _time = time;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _time.GetUtcNow() + _offset;
            }
        }
    }

    /// <summary>Completes when the driver moves the clock past <paramref name="delay"/> from now; cancelled with <paramref name="cancellationToken"/>.</summary>
    public Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var sleeper = new Sleeper();
        TaskCompletionSource? added;
        lock (_gate)
        {
            _sleepers.Enqueue(sleeper, (_time.GetUtcNow() + _offset + delay, _sequence++));
            added = _sleeperAdded;
            _sleeperAdded = null;
        }

        if (cancellationToken.CanBeCanceled)
        {
            sleeper.Registration = cancellationToken.Register(static s => ((Sleeper)s!).TrySetCanceled(), sleeper);
        }

        added?.TrySetResult();
        return sleeper.Task;
    }

    /// <summary>
    /// Wakes the earliest sleeper that is still waiting, unless it would wake after <paramref name="deadline"/>
    /// (the clock then stops at the deadline). Returns false when nobody sleeps.
    /// </summary>
    public bool WakeNext(DateTimeOffset? deadline, out bool reachedDeadline)
    {
        reachedDeadline = false;
        Sleeper? next = null;
        lock (_gate)
        {
            while (_sleepers.TryPeek(out var candidate, out var key))
            {
                if (candidate.Task.IsCompleted)
                {
                    _sleepers.Dequeue();
                    continue;
                }

                var now = _time.GetUtcNow() + _offset;
                if (deadline is { } limit && key.Wake >= limit)
                {
                    if (limit > now)
                    {
                        _offset += limit - now;
                    }

                    reachedDeadline = true;
                    return true;
                }

                _sleepers.Dequeue();
                if (key.Wake > now)
                {
                    _offset += key.Wake - now;
                }

                next = candidate;
                break;
            }
        }

        if (next is null)
        {
            return false;
        }

        // Continuations run inline here: the woken branch goes on until it waits again or ends.
        next.Registration.Dispose();
        next.TrySetResult();
        return true;
    }

    /// <summary>Completes when a sleeper is registered (or at once when one is waiting).</summary>
    public Task SleeperAddedAsync()
    {
        lock (_gate)
        {
            if (_sleepers.Count > 0)
            {
                return Task.CompletedTask;
            }

            _sleeperAdded ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _sleeperAdded.Task;
        }
    }

    private sealed class Sleeper() : TaskCompletionSource(TaskCreationOptions.None)
    {
        public CancellationTokenRegistration Registration { get; set; }
    }
}
