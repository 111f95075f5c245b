namespace SfnResume.Engine.Conformance;

/// <summary>
/// A virtual clock that jumps ahead instead of waiting: a timer due in N seconds moves the clock N seconds on
/// and fires at once (on the thread pool), so waits cost no real time while the history still sees the time
/// pass. The clock never goes back. Timers fire in the order they are set, not by due time: this suits code that
/// waits for one timer at a time, the earliest it needs (the engine's virtual waits and deadlines, the JavaScript
/// Lambda handlers' event loop), which is how everything run by the conformance runner waits. Two timers racing
/// each other would need a scheduler that knows when all work is idle, which a clock cannot know.
/// </summary>
internal sealed class FastForwardTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public FastForwardTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock on by <paramref name="delta"/> (negative values are ignored).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta > TimeSpan.Zero)
        {
            lock (_gate)
            {
                _now += delta;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FastTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void AdvanceTo(DateTimeOffset target)
    {
        lock (_gate)
        {
            if (target > _now)
            {
                _now = target;
            }
        }
    }

    private sealed class FastTimer(FastForwardTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _gate = new();
        private long _generation;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long generation;
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                generation = ++_generation;
            }

            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                var target = clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                ThreadPool.UnsafeQueueUserWorkItem(_ => Fire(generation, target, period), null);
            }

            return true;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private bool IsCurrent(long generation)
        {
            lock (_gate)
            {
                return !_disposed && generation == _generation;
            }
        }

        private void Fire(long generation, DateTimeOffset target, TimeSpan period)
        {
            if (!IsCurrent(generation))
            {
                return;
            }

            clock.AdvanceTo(target);
            callback(state);
            if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero && IsCurrent(generation))
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => Fire(generation, clock.GetUtcNow() + period, period), null);
            }
        }
    }
}
