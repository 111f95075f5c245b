namespace SfnResume.Local.Replay;

/// <summary>
/// The engine's clock. While an execution replays, "now" is the recorded time of the next recorded event, and a
/// timer (a Wait state, a retry pause, the execution timeout) counts from the recorded event that started it, so
/// a wait that finished before the restart ends at once and one cut short waits only what is left. Outside
/// replay it is the inner clock.
/// </summary>
internal sealed class ReplayClock(TimeProvider inner) : TimeProvider
{
    public TimeProvider Inner { get; } = inner;

    public override DateTimeOffset GetUtcNow() =>
        ExecutionSession.Current?.ReplayTime ?? Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && ExecutionSession.Current?.TimerOrigin() is { } origin)
        {
            var left = origin + dueTime - Inner.GetUtcNow();
            dueTime = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        return Inner.CreateTimer(callback, state, dueTime, period);
    }
}
