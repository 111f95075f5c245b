using SfnResume.Core.History;
using static SfnResume.Core.Tests.History.HistoryTestData;

namespace SfnResume.Core.Tests.History;

public sealed class ExecutionTimelineTests
{
    [Fact]
    public void Build_SeedSample_FindsTheFailedTaskInsideTheSecondParallel()
    {
        var timeline = Timeline("seed-sample.history.json");

        Assert.Equal(ExecutionStatus.Failed, timeline.Status);
        Assert.Equal("Lambda.Unknown", timeline.Error);
        Assert.Equal(["Parallel", "Parallel 2"], timeline.Visits.Select(v => v.Name));
        Assert.Equal(VisitStatus.Succeeded, timeline.Visits[0].Status);
        Assert.All(timeline.Visits[0].Branches, b => Assert.Equal(VisitStatus.Succeeded, b.Status));
        var parallel = timeline.Visits[1];
        Assert.Equal((VisitedStateType.Parallel, VisitStatus.Failed), (parallel.StateType, parallel.Status));
        Assert.Equal("Lambda.Unknown", parallel.Error);
        Assert.StartsWith("{\"Message\":\"Your message here\",\"output\":[", parallel.Input, StringComparison.Ordinal);

        var failed = timeline.FailedVisit!;
        Assert.Equal(("Parallel Step 2, Process 2", VisitedStateType.Task, VisitStatus.Failed), (failed.Name, failed.StateType, failed.Status));
        Assert.Equal(HistoryEventType.LambdaFunctionFailed, failed.FailureEvent!.Type);
        Assert.Equal("Lambda.Unknown", failed.Error);
        Assert.Same(parallel, failed.Parent);
        Assert.Equal([parallel, failed], timeline.FailurePath);
        Assert.Equal("Parallel 2/Parallel Step 2, Process 2/Parallel Step 2, Process 2", failed.Path);

        // Both branches start at ParallelStateStarted (17); the other branch's running Task was aborted.
        Assert.Equal(["Parallel Step 2, Process 1", "Parallel Step 2, Process 2"], parallel.Branches.Select(b => b.FirstStateName));
        Assert.All(parallel.Branches, branch => Assert.Equal(17, branch.Visits[0].Entered.PreviousEventId));
        Assert.Equal([VisitStatus.Aborted, VisitStatus.Failed], parallel.Branches.Select(b => b.Status));
        Assert.NotNull(parallel.Branches[0].Visits[0].Aborted);
        Assert.NotNull(failed.Aborted);
        Assert.Single(parallel.Attempts);
        Assert.Equal(HistoryEventType.ParallelStateFailed, parallel.LastAttempt!.Failure!.Type);
    }

    [Fact]
    public void Build_SeedSample_EveryEventBelongsToAVisitOrTheExecution()
    {
        var timeline = Timeline("seed-sample.history.json");

        foreach (var e in timeline.History.Events)
        {
            var visit = timeline.VisitOf(e.Id);
            if (e.Type.ToString().StartsWith("Execution", StringComparison.Ordinal))
            {
                Assert.Null(visit);
            }
            else
            {
                Assert.NotNull(visit);
                Assert.Contains(e, visit.Events);
            }
        }
    }

    [Theory]
    [InlineData("gen-100-iso.history.json", "gen-100.expect.json")]
    [InlineData("gen-100-epoch.history.json", "gen-100.expect.json")]
    [InlineData("gen-1000-iso.history.json", "gen-1000.expect.json")]
    [InlineData("gen-1000-epoch.history.json", "gen-1000.expect.json")]
    public void Build_GeneratedHistory_FindsMapIterationInsideParallel(string name, string expectName)
    {
        using var expect = System.Text.Json.JsonDocument.Parse(Bytes(expectName));
        var x = expect.RootElement;
        var timeline = Timeline(name);

        Assert.Equal(ExecutionStatus.Failed, timeline.Status);
        Assert.Equal(x.GetProperty("error").GetString(), timeline.Error);
        Assert.Equal(x.GetProperty("cause").GetString(), timeline.Cause);

        var path = timeline.FailurePath;
        Assert.Equal(x.GetProperty("resume_from_state").GetString(), path[0].Name);
        Assert.Equal(VisitedStateType.Parallel, path[0].StateType);
        Assert.Equal(x.GetProperty("resume_from_state_input").GetString(), path[0].Input);
        Assert.Equal(x.GetProperty("resume_from_state_input").GetString(),
            timeline.LastVisit(x.GetProperty("resume_from_state").GetString()!)!.Input);
        Assert.Equal(x.GetProperty("failing_map_state").GetString(), path[1].Name);
        Assert.Equal(x.GetProperty("failing_leaf_state").GetString(), path[2].Name);

        var map = path[1];
        var failedIndex = x.GetProperty("failing_map_index").GetInt32();
        Assert.Equal(VisitStatus.Failed, map.Status);
        Assert.Equal(failedIndex + 1, map.Iterations.Count);
        Assert.Equal(VisitStatus.Failed, map.Iterations[failedIndex].Status);
        Assert.All(map.Iterations.Take(failedIndex), it => Assert.Equal(VisitStatus.Succeeded, it.Status));
        Assert.Same(map.Iterations[failedIndex], path[2].Scope);

        var leaf = path[2];
        Assert.Equal(VisitStatus.Failed, leaf.Status);
        Assert.Equal(3, leaf.Attempts.Count);
        Assert.Equal(2, leaf.RetryCount);
        Assert.All(leaf.Attempts, a => Assert.Equal("PaymentDeclinedError", a.Error));
        Assert.Equal($"FulfilOrder/PrepareCharges/ChargeItems/{failedIndex}/ChargeItem", leaf.Path);

        // The other branch was cut off: its running Task got TaskStateAborted.
        var fulfil = path[0];
        var ship = Assert.Single(fulfil.Branches, b => b.FirstStateName == "ShipItems0000");
        Assert.Equal(VisitStatus.Aborted, ship.Status);
        Assert.NotNull(ship.Visits[^1].Aborted);
        Assert.Equal(VisitStatus.Failed, Assert.Single(fulfil.Branches, b => b.FirstStateName == "PrepareCharges").Status);

        // Successful Map and Parallel before it, and Tasks that succeeded after a throttling retry.
        var processLineItems = timeline.LastVisit("ProcessLineItems")!;
        Assert.Equal(VisitStatus.Succeeded, processLineItems.Status);
        Assert.All(processLineItems.Iterations, it => Assert.Equal(VisitStatus.Succeeded, it.Status));
        Assert.Equal(Enumerable.Range(0, processLineItems.Iterations.Count), processLineItems.Iterations.Select(it => it.Index));
        Assert.All(timeline.LastVisit("NotifyAndAudit")!.Branches, b => Assert.Equal(VisitStatus.Succeeded, b.Status));
        var retried = timeline.Visits.Where(v => v.RetryCount > 0).ToList();
        Assert.Equal(timeline.History.Count >= 500, retried.Count > 0);
        Assert.All(retried, v =>
        {
            Assert.Equal((VisitStatus.Succeeded, 1), (v.Status, v.RetryCount));
            Assert.Equal("Lambda.TooManyRequestsException", v.Attempts[0].Error);
            Assert.Null(v.Error);
        });
    }

    [Fact]
    public void Build_TaskFailureWithRetries_KeepsEachAttempt()
    {
        var timeline = Timeline("task-retries-wire.history.json");

        var charge = timeline.FailedVisit!;
        Assert.Equal(("ChargeCard", VisitStatus.Failed), (charge.Name, charge.Status));
        Assert.Equal([5L, 8L], charge.Attempts.Select(a => a.Start.Id));
        Assert.Equal([7L, 10L], charge.Attempts.Select(a => a.Failure!.Id));
        Assert.Equal([HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted, HistoryEventType.TaskFailed],
            charge.Attempts[1].Events.Select(e => e.Type));
        Assert.Contains("a2d4e6f8", charge.Cause, StringComparison.Ordinal);
        Assert.Equal("{\"orderId\":\"o-1001\",\"amount\":42.5,\"currency\":\"EUR\"}", charge.Input);
        Assert.Equal(VisitStatus.Succeeded, timeline.LastVisit("Init")!.Status);
        Assert.Equal("{\"orderId\": \"o-1001\", \"amount\": 42.5}", timeline.Input);
    }

    [Fact]
    public void Build_MapFailureSerial_LinksIterationsThroughThePreviousIterationsLastEvent()
    {
        var timeline = Timeline("map-failure-serial.history.json");

        var map = timeline.LastVisit("ProcessItems")!;
        Assert.Equal(VisitStatus.Failed, map.Status);
        Assert.Equal("ItemError", map.Error);
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.Succeeded, VisitStatus.Failed], map.Iterations.Select(i => i.Status));
        Assert.Equal("{\"item\":3}", map.Iterations[2].Visits[0].Input);
        Assert.Equal("ProcessItems/2/Process", timeline.FailedVisit!.Path);
        Assert.Equal("item 3 is broken", timeline.FailedVisit.Cause);
    }

    [Fact]
    public void Build_MapFailureConcurrent_AbortsTheOtherRunningIteration()
    {
        var timeline = Timeline("map-failure-concurrent.history.json");

        var map = Assert.Single(timeline.Visits);
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.Failed, VisitStatus.Aborted], map.Iterations.Select(i => i.Status));
        Assert.Equal(VisitStatus.Failed, map.Iterations[1].Visits[0].Status);
        Assert.Equal(VisitStatus.Aborted, map.Iterations[2].Visits[0].Status);
        Assert.NotNull(map.Iterations[2].Visits[0].Aborted);
        Assert.Equal("ProcessItems/1/Process", timeline.FailedVisit!.Path);
    }

    [Fact]
    public void Build_NestedParallelInMapInParallel_ResolvesEveryLevel()
    {
        var timeline = Timeline("nested-parallel-map-parallel.history.json");

        Assert.Equal(["Outer", "Items", "Inner", "Right"], timeline.FailurePath.Select(v => v.Name));
        Assert.Equal("Outer/Items/Items/1/Inner/Right/Right", timeline.FailedVisit!.Path);
        Assert.All(timeline.FailurePath.Take(3), v => Assert.Equal(VisitStatus.Failed, v.Status));
        Assert.All(timeline.FailurePath, v => Assert.Equal("RightFailed", v.Error));

        var outer = timeline.Visits[0];
        Assert.Equal(["Audit", "Items"], outer.Branches.Select(b => b.FirstStateName));
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.Failed], outer.Branches.Select(b => b.Status));
        var items = outer.Branches[1].Visits[0];
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.Failed], items.Iterations.Select(i => i.Status));
        var firstInner = items.Iterations[0].Visits[0];
        Assert.Equal((VisitStatus.Succeeded, 2), (firstInner.Status, firstInner.Branches.Count));
        Assert.Equal("[{\"left\":0},{\"right\":0}]", firstInner.Output);

        Assert.Equal(9, timeline.AllVisits().Count());
        Assert.Equal(["Right", "Right"], timeline.VisitsOf("Right").Select(v => v.Name));
        Assert.Equal(["Outer/Items/Items/0/Inner/Right/Right", "Outer/Items/Items/1/Inner/Right/Right"],
            timeline.VisitsOf("Right").Select(v => v.Path));
    }

    [Fact]
    public void Build_CatchThenFail_MarksTheCatchAndTheFailState()
    {
        var timeline = Timeline("catch-then-fail.history.json");

        var charge = timeline.LastVisit("Charge")!;
        Assert.Equal(VisitStatus.Caught, charge.Status);
        Assert.Equal("Declined", charge.Error);
        Assert.Equal("{\"order\":7,\"error\":{\"Error\":\"Declined\",\"Cause\":\"card declined\"}}", charge.Output);
        Assert.Equal("1", charge.AssignedVariables!["attempts"]);

        var giveUp = timeline.FailedVisit!;
        Assert.Equal(("GiveUp", VisitedStateType.Fail, VisitStatus.Failed), (giveUp.Name, giveUp.StateType, giveUp.Status));
        Assert.Equal(("OrderFailed", "gave up after a declined card"), (giveUp.Error, giveUp.Cause));
        Assert.Equal(VisitStatus.Succeeded, timeline.LastVisit("Recover")!.Status);
    }

    [Fact]
    public void Build_ExecutionTimedOut_ReportsTheRunningTask()
    {
        var timeline = Timeline("execution-timed-out.history.json");

        Assert.Equal(ExecutionStatus.TimedOut, timeline.Status);
        Assert.Equal("States.Timeout", timeline.Error);
        var job = timeline.FailedVisit!;
        Assert.Equal(("LongJob", VisitStatus.Aborted), (job.Name, job.Status));
        Assert.Equal(HistoryEventType.LambdaFunctionStarted, job.LastAttempt!.Events[^1].Type);
        Assert.Null(job.LastAttempt.End);
    }

    [Fact]
    public void Build_AbortedDuringWait_ReportsTheWaitThoughTheAbortPointsAtNothing()
    {
        var timeline = Timeline("aborted-during-wait.history.json");

        Assert.Equal(ExecutionStatus.Aborted, timeline.Status);
        Assert.Null(timeline.Error);
        var wait = timeline.FailedVisit!;
        Assert.Equal(("WaitABit", VisitedStateType.Wait, VisitStatus.Aborted), (wait.Name, wait.StateType, wait.Status));
    }

    [Fact]
    public void Build_EvaluationFailed_BlamesTheStateNamedByTheEvent()
    {
        var timeline = Timeline("evaluation-failed.history.json");

        var shape = timeline.FailedVisit!;
        Assert.Equal(("Shape", VisitStatus.Failed), (shape.Name, shape.Status));
        Assert.Equal(HistoryEventType.EvaluationFailed, shape.FailureEvent!.Type);
        Assert.Equal("States.QueryEvaluationError", shape.Error);
        Assert.Equal("EachX/0/Shape", shape.Path);

        var fetch = timeline.AllVisits().Single(v => v.Name == "Fetch");
        Assert.Equal((VisitStatus.Caught, 1), (fetch.Status, fetch.RetryCount));
        Assert.Equal(VisitStatus.Failed, timeline.Visits[0].Iterations[0].Status);
        Assert.Equal("States.QueryEvaluationError", timeline.Visits[0].Error);
    }

    [Fact]
    public void Build_Succeeded_AllVisitsSucceeded()
    {
        var timeline = Timeline("succeeded.history.json");

        Assert.Equal(ExecutionStatus.Succeeded, timeline.Status);
        Assert.Equal("[{\"a\":1},{\"b\":1}]", timeline.Output);
        Assert.Null(timeline.FailedVisit);
        Assert.Empty(timeline.FailurePath);
        Assert.Equal(["Route", "Pause", "Both", "Done"], timeline.Visits.Select(v => v.Name));
        Assert.Equal([VisitedStateType.Choice, VisitedStateType.Wait, VisitedStateType.Parallel, VisitedStateType.Succeed],
            timeline.Visits.Select(v => v.StateType));
        Assert.All(timeline.AllVisits(), v => Assert.Equal(VisitStatus.Succeeded, v.Status));
        Assert.Equal(["A", "B"], timeline.Visits[2].Branches.Select(b => b.FirstStateName));
    }

    [Fact]
    public void Build_Running_LeavesOpenVisitsNotFinished()
    {
        var timeline = Timeline("running.history.json");

        Assert.Equal(ExecutionStatus.Running, timeline.Status);
        Assert.Null(timeline.TerminalEvent);
        Assert.Null(timeline.FailedVisit);
        var map = timeline.Visits[0];
        Assert.Equal(VisitStatus.NotFinished, map.Status);
        Assert.Equal([VisitStatus.Succeeded, VisitStatus.NotFinished], map.Iterations.Select(i => i.Status));
        var slow = map.Iterations[1].Visits[0];
        Assert.Equal(("Slow", VisitStatus.NotFinished, 1), (slow.Name, slow.Status, slow.Attempts.Count));
    }

    [Fact]
    public void Build_Redriven_ContinuesTheSameTree()
    {
        var timeline = Timeline("redriven.history.json");

        Assert.Equal(ExecutionStatus.Succeeded, timeline.Status);
        Assert.Equal(1, timeline.RedriveCount);
        Assert.Equal([VisitStatus.Failed, VisitStatus.Succeeded], timeline.Visits.Select(v => v.Status));
        Assert.Equal(["Flaky", "Flaky"], timeline.Visits.Select(v => v.Name));
        Assert.Same(timeline.Visits[1], timeline.LastVisit("Flaky"));
    }
}
