namespace SfnResume.Engine.Conformance;

/// <summary>
/// A virtual clock that jumps ahead instead of waiting: a timer due in N seconds moves the clock N seconds on
/// and fires at once (on the thread pool). Wait states, retry intervals and task timeouts therefore cost no real
/// time while the history still sees the time pass. The clock never goes back; concurrent timers (Parallel
/// branches) each advance it from the time they were set, so it is monotonic but not a perfect schedule.
/// </summary>
public sealed class FastForwardTimeProvider : TimeProvider
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
            AdvanceTo(GetUtcNow() + delta);
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

            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            var target = clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(_ => Fire(generation, target, period), null);
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

        private void Fire(long generation, DateTimeOffset target, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed || generation != _generation)
                {
                    return;
                }
            }

            clock.AdvanceTo(target);
            callback(state);
            if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
            {
                lock (_gate)
                {
                    if (_disposed || generation != _generation)
                    {
                        return;
                    }
                }

                ThreadPool.UnsafeQueueUserWorkItem(_ => Fire(generation, clock.GetUtcNow() + period, period), null);
            }
        }
    }
}
