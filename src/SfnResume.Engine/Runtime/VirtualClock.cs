namespace SfnResume.Engine.Runtime;

/// <summary>
/// Fast-forward time: one virtual clock per execution. Waits and retry pauses register a sleeper instead of
/// taking real time; the execution's pump (<see cref="ExecutionPump"/>) wakes the earliest sleeper (ties in
/// registration order) when nothing else is runnable and moves the clock to its wake time. Branches that wait therefore interleave by virtual time, exactly as their events
/// would on AWS, and a run with synchronous tasks is fully deterministic.
/// </summary>
internal sealed class VirtualClock
{
    private readonly TimeProvider _time;
    private readonly PriorityQueue<Sleeper, (DateTimeOffset Wake, long Sequence)> _sleepers = new();
    private readonly Lock _gate = new();
    private long _offsetTicks;
    private long _sequence;

    public VirtualClock(TimeProvider time) => _time = time;

    /// <summary>The virtual now: the time provider's now plus every jump the clock made.</summary>
    public DateTimeOffset Now => _time.GetUtcNow().AddTicks(Volatile.Read(ref _offsetTicks));

    /// <summary>Completes when the driver moves the clock past <paramref name="delay"/> from now; cancelled with <paramref name="cancellationToken"/>.</summary>
    public Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var sleeper = new Sleeper();
        lock (_gate)
        {
            _sleepers.Enqueue(sleeper, (Now + delay, _sequence++));
        }

        if (cancellationToken.CanBeCanceled)
        {
            sleeper.Registration = cancellationToken.Register(static s => ((Sleeper)s!).TrySetCanceled(), sleeper);
        }

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

                var now = Now;
                if (deadline is { } limit && key.Wake >= limit)
                {
                    if (limit > now)
                    {
                        Volatile.Write(ref _offsetTicks, _offsetTicks + (limit - now).Ticks);
                    }

                    reachedDeadline = true;
                    return true;
                }

                _sleepers.Dequeue();
                if (key.Wake > now)
                {
                    Volatile.Write(ref _offsetTicks, _offsetTicks + (key.Wake - now).Ticks);
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

    private sealed class Sleeper() : TaskCompletionSource(TaskCreationOptions.None)
    {
        public CancellationTokenRegistration Registration { get; set; }
    }
}
