using SfnResume.Core.History;
using SfnResume.Local.Replay;

namespace SfnResume.Local.Tests.Replay;

public sealed class ReplayMatcherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly HistoryEvent[] s_recorded =
    [
        Event(1, 0, HistoryEventType.ExecutionStarted),
        Entered(2, 0, HistoryEventType.ParallelStateEntered, "P", "{}"),
        Event(3, 2, HistoryEventType.ParallelStateStarted),
        Entered(4, 3, HistoryEventType.WaitStateEntered, "Left", "{}"),
        Entered(5, 3, HistoryEventType.PassStateEntered, "Right", "{}"),
        Exited(6, 5, HistoryEventType.PassStateExited, "Right", "{\"r\":1}"),
    ];

    [Fact]
    public void ConcurrentBranchesReplayInAnyOrder_AndLiveEventsPointAtStoredIds()
    {
        var matcher = new ReplayMatcher(ReplayPlan.ForResume(s_recorded));

        // The engine writes the branches in another order than the record and numbers them its own way.
        Assert.True(matcher.TryMatch(Event(1, 0, HistoryEventType.ExecutionStarted), out _));
        Assert.True(matcher.TryMatch(Entered(2, 0, HistoryEventType.ParallelStateEntered, "P", "{}"), out _));
        Assert.True(matcher.TryMatch(Event(3, 2, HistoryEventType.ParallelStateStarted), out _));
        Assert.True(matcher.TryMatch(Entered(4, 3, HistoryEventType.PassStateEntered, "Right", "{}"), out var right));
        Assert.Equal(5, right.Id);
        Assert.Equal(s_recorded[3].Timestamp, matcher.ReplayTime); // the earliest recorded event not written again
        Assert.True(matcher.TryMatch(Exited(5, 4, HistoryEventType.PassStateExited, "Right", "{\"r\":1}"), out _));
        Assert.True(matcher.TryMatch(Entered(6, 3, HistoryEventType.WaitStateEntered, "Left", "{}"), out var left));
        Assert.Equal(4, left.Id);
        Assert.Equal(0, matcher.Remaining);
        Assert.Null(matcher.ReplayTime);

        Assert.False(matcher.TryMatch(Exited(7, 6, HistoryEventType.WaitStateExited, "Left", "{}"), out var live));
        Assert.Equal(7, live.Id);
        Assert.Equal(4, live.PreviousEventId);
        Assert.Equal(0, matcher.Mismatches);
    }

    [Fact]
    public void ReplayedEventWithOtherData_IsCountedAsMismatch()
    {
        var matcher = new ReplayMatcher(ReplayPlan.ForResume(s_recorded));
        matcher.TryMatch(Event(1, 0, HistoryEventType.ExecutionStarted), out _);
        matcher.TryMatch(Entered(2, 0, HistoryEventType.ParallelStateEntered, "P", "{}"), out _);
        matcher.TryMatch(Event(3, 2, HistoryEventType.ParallelStateStarted), out _);
        Assert.True(matcher.TryMatch(Entered(4, 3, HistoryEventType.PassStateEntered, "Right", "{}"), out _));
        Assert.True(matcher.TryMatch(Exited(5, 4, HistoryEventType.PassStateExited, "Right", "{\"r\":2}"), out _));
        Assert.Equal(1, matcher.Mismatches);
    }

    [Fact]
    public void OutcomeOfAStartedCall_IsTheRecordedResult()
    {
        HistoryEvent[] recorded =
        [
            Event(1, 0, HistoryEventType.ExecutionStarted),
            Entered(2, 0, HistoryEventType.TaskStateEntered, "Call", "{}"),
            Event(3, 2, HistoryEventType.LambdaFunctionScheduled),
            Event(4, 3, HistoryEventType.LambdaFunctionStarted),
            Event(5, 4, HistoryEventType.LambdaFunctionSucceeded) with { LambdaFunctionSucceededEventDetails = new OutputEventDetails { Output = "7" } },
        ];
        var matcher = new ReplayMatcher(ReplayPlan.ForResume(recorded));
        Assert.Equal(5, matcher.OutcomeOf(recorded[3])!.Id);
        Assert.Null(matcher.OutcomeOf(recorded[4]));
    }

    private static HistoryEvent Event(long id, long previous, HistoryEventType type) =>
        new() { Id = id, PreviousEventId = previous, Timestamp = T0.AddSeconds(id - 1), Type = type };

    private static HistoryEvent Entered(long id, long previous, HistoryEventType type, string name, string input) =>
        Event(id, previous, type) with { StateEnteredEventDetails = new StateEnteredEventDetails { Name = name, Input = input } };

    private static HistoryEvent Exited(long id, long previous, HistoryEventType type, string name, string output) =>
        Event(id, previous, type) with { StateExitedEventDetails = new StateExitedEventDetails { Name = name, Output = output } };
}
