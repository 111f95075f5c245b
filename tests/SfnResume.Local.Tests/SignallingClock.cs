using Microsoft.Extensions.Time.Testing;

namespace SfnResume.Local.Tests;

/// <summary>A fake clock that reports each timer created on it, so a test advances time only once the engine waits.</summary>
internal sealed class SignallingClock : TimeProvider
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _timer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTimeProvider Fake { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Completes when the next timer is created (after the call).</summary>
    public Task NextTimer()
    {
        lock (_gate)
        {
            return _timer.Task;
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _timer;
            _timer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.SetResult();
        return timer;
    }
}
