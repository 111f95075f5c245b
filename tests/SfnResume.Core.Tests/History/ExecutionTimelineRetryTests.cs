using SfnResume.Core.History;
using static SfnResume.Core.Tests.History.HistoryTestData;

namespace SfnResume.Core.Tests.History;

public sealed class ExecutionTimelineRetryTests
{
    [Fact]
    public void Build_MapRetried_KeepsEveryAttemptAndExposesTheLast()
    {
        var timeline = Timeline("map-retry.history.json");

        var map = timeline.LastVisit("EachX")!;
        Assert.Equal(3, map.Attempts.Count);
        Assert.Equal(2, map.RetryCount);
        Assert.All(map.Attempts, a => Assert.Equal(HistoryEventType.MapStateStarted, a.Start.Type));
        Assert.All(map.Attempts, a => Assert.Equal(VisitStatus.Failed, Assert.Single(a.Iterations).Status));
        Assert.Same(map.Attempts[^1].Iterations[0], Assert.Single(map.Iterations));
        Assert.Equal(VisitStatus.Failed, map.Status);
        Assert.Equal(("SomeFailure", HistoryEventType.MapStateFailed), (map.Error, map.FailureEvent!.Type));

        // The failure chain leads into the last attempt, not an earlier one.
        var boom = timeline.FailedVisit!;
        Assert.Same(map.Iterations[0], boom.Scope);
        Assert.Equal(("Boom", VisitStatus.Failed, "SomeFailure"), (boom.Name, boom.Status, boom.Error));
        Assert.Equal(3, timeline.VisitsOf("Boom").Count());
        Assert.All(timeline.VisitsOf("Boom"), v => Assert.Equal(VisitStatus.Failed, v.Status));
    }

    [Fact]
    public void Build_ParallelRetried_SecondAttemptSucceeds()
    {
        var timeline = Timeline("parallel-retry.history.json");

        Assert.Equal(ExecutionStatus.Succeeded, timeline.Status);
        var fan = timeline.Visits[0];
        Assert.Equal((VisitStatus.Succeeded, 2), (fan.Status, fan.Attempts.Count));
        Assert.Null(fan.Error);

        var first = fan.Attempts[0];
        Assert.Equal(["A", "B"], first.Branches.Select(b => b.FirstStateName));
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.Failed], first.Branches.Select(b => b.Status));
        Assert.Equal("Flaky", first.Branches[1].Visits[0].Error);

        Assert.Same(fan.Attempts[1].Branches[0], fan.Branches[0]);
        Assert.All(fan.Branches, b => Assert.Equal(VisitStatus.Succeeded, b.Status));
        Assert.Equal("[{\"a\":1},{\"b\":1}]", fan.Output);
        Assert.Equal(["Fan/A/A", "Fan/B/B", "Fan/A/A", "Fan/B/B"], timeline.AllVisits().Skip(1).Select(v => v.Path));
    }

    [Fact]
    public void Build_StatesRuntimeAtATask_BlamesTheEnteredState()
    {
        var timeline = Timeline("states-runtime.history.json");

        var call = timeline.FailedVisit!;
        Assert.Equal(("CallIt", VisitStatus.Failed, "States.Runtime"), (call.Name, call.Status, call.Error));
        Assert.Same(timeline.TerminalEvent, call.FailureEvent);
        Assert.Empty(call.Attempts);
        Assert.Contains("(entered at the event id #4)", call.Cause, StringComparison.Ordinal);
        Assert.Equal(4, call.Entered.Id);
        Assert.Equal("{\"a\":1}", call.Input);
    }

    [Fact]
    public void Build_RedrivenRerunPointingAtExecutionRedriven_ContinuesTheFailedVisit()
    {
        var timeline = Timeline("redriven-in-branch.history.json");

        Assert.Equal((ExecutionStatus.Succeeded, 1), (timeline.Status, timeline.RedriveCount));
        Assert.Null(timeline.FailedVisit);
        var both = Assert.Single(timeline.Visits);
        Assert.Equal(VisitStatus.Succeeded, both.Status);
        var right = timeline.VisitsOf("Right").Single();
        Assert.Equal((VisitStatus.Succeeded, 2), (right.Status, right.Attempts.Count));
        Assert.Equal("Transient", right.Attempts[0].Error);
        Assert.Equal(timeline.Redrives[0].Id, right.Attempts[1].Start.PreviousEventId);
        Assert.All(both.Branches, b => Assert.Equal(VisitStatus.Succeeded, b.Status));
    }
}
