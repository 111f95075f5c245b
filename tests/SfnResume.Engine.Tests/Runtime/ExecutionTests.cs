using System.Text.Json;
using SfnResume.Core.History;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.Runtime;

public sealed class ExecutionTests
{
    private const string Loop = """
        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThan":50,"Next":"Inc"}],"Default":"Done"},
         "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"W"},"W":{"Type":"Wait","Seconds":1,"Next":"C"},"Done":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task RunAsync_SameInputAndFakeClock_WritesByteIdenticalHistories()
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Wait","Seconds":2,"End":true}}},"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"End":true}}}
            """;

        var first = await new EngineHarness().RunAsync(Definition, "[1, 2, 3]");
        var second = await new EngineHarness().RunAsync(Definition, "[1, 2, 3]");

        Assert.Equal(JsonSerializer.Serialize(first.Events), JsonSerializer.Serialize(second.Events));

        // Unlimited concurrency: the three 2-second iterations overlap on the virtual clock.
        Assert.Equal(EngineHarness.Epoch.AddSeconds(2), first.StopDate);
    }

    [Fact]
    public async Task RunAsync_MaxConcurrencyOne_IterationsFollowEachOtherOnTheVirtualClock()
    {
        const string Definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Wait","Seconds":2,"End":true}}},"End":true}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, "[1, 2, 3]");

        Assert.Equal(EngineHarness.Epoch.AddSeconds(6), result.StopDate);
    }

    [Fact]
    public async Task RunAsync_Observer_SeesEveryEventInIdOrder()
    {
        var observer = new Recording();

        var result = await new EngineHarness().RunAsync(Loop, """{"i": 45}""", observer);

        Assert.Equal(result.Events.Select(e => e.Id), observer.Ids);
        Assert.Equal(Enumerable.Range(1, result.Events.Count).Select(i => (long)i), observer.Ids);
    }

    [Fact]
    public async Task RunAsync_ExecutionTimeout_EndsWithExecutionTimedOutAtTheDeadline()
    {
        var result = await new EngineHarness().RunAsync("""{"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""", "{}");

        Assert.Equal(ExecutionResult.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(HistoryEventType.ExecutionTimedOut, result.Events[^1].Type);
        Assert.Equal(EngineHarness.Epoch.AddSeconds(5), result.StopDate);
    }

    [Fact]
    public async Task RunAsync_Stopped_EndsWithExecutionAbortedAsRecorded()
    {
        var harness = new EngineHarness(configure: o => Compilation.WaitAndTaskTests.Copy(o, fastForward: false));
        using var stop = new CancellationTokenSource();
        var running = harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"P"},"P":{"Type":"Pass","End":true}}}""", "{}", cancellationToken: stop.Token);

        await stop.CancelAsync();
        var result = await running;

        Assert.Equal(ExecutionResult.Aborted, result.Status);
        Assert.Equal(["1 0 ExecutionStarted", "2 0 WaitStateEntered", "3 0 ExecutionAborted"], HistoryText.Chain(result));
    }

    [Fact]
    public async Task RunAsync_StoppedWithErrorAndCause_RecordsThemInExecutionAborted()
    {
        var harness = new EngineHarness(configure: o => Compilation.WaitAndTaskTests.Copy(o, fastForward: false));
        using var stop = new ExecutionStopSource();
        var machine = harness.Engine.Compile(EngineHarness.Parse("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}"""));
        var running = harness.Engine.RunAsync(machine, new ExecutionRequest("arn:aws:states:us-east-1:111111111111:stateMachine:m", "e", "{}") { StopSource = stop });

        stop.Stop("Operator", "stopped by hand");
        var result = await running;

        Assert.Equal((ExecutionResult.Aborted, "Operator", "stopped by hand"), (result.Status, result.Error, result.Cause));
        var details = result.Events[^1].ExecutionAbortedEventDetails!;
        Assert.Equal(("Operator", "stopped by hand"), (details.Error, details.Cause));
    }

    [Fact]
    public async Task RunAsync_StoppedInsideAParallel_ClosesRunningStatesBeforeExecutionAborted()
    {
        var invoker = new BlockingInvoker { ExpectedBlocked = 1 };
        var harness = new EngineHarness(configure: o => Compilation.ParallelAndMapTests.With(o, invoker));
        using var stop = new CancellationTokenSource();
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:block","End":true}}}],"End":true}}}
            """;
        var running = harness.RunAsync(Definition, "{}", cancellationToken: stop.Token);

        await invoker.AllBlocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var result = await running;

        Assert.Equal(ExecutionResult.Aborted, result.Status);
        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 ParallelStateEntered", "3 2 ParallelStateStarted", "4 3 TaskStateEntered", "5 4 LambdaFunctionScheduled",
             "6 5 LambdaFunctionStarted", "7 6 TaskStateAborted", "8 0 ExecutionAborted"],
            HistoryText.Chain(result));
    }

    [Fact]
    public async Task RunAsync_HistoryQuota_FailsTheExecutionWithinTheLimit()
    {
        var harness = new EngineHarness(configure: o => new EngineOptions { TimeProvider = o.TimeProvider, FastForward = true, MaxHistoryEvents = 40 });

        var result = await harness.RunAsync(Loop, """{"i": 0}""");

        Assert.Equal(ExecutionResult.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal(40, result.Events.Count);
        Assert.Equal(HistoryEventType.ExecutionFailed, result.Events[^1].Type);
    }

    [Fact]
    public async Task RunAsync_InvalidInput_IsRejectedBeforeStarting()
    {
        var harness = new EngineHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "{not json"));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "\"" + new string('a', 262_144) + "\""));
    }

    [Fact]
    public async Task RunAsync_Counters_CountEnteredStatesRetriesAndCalls()
    {
        var result = await new EngineHarness().RunAsync(Loop, """{"i": 48}""");

        Assert.Equal(8, result.StatesEntered);
        Assert.Equal(0, result.Retries);
        Assert.Equal("arn:aws:states:us-east-1:111111111111:execution:machine:exec", result.ExecutionArn);
    }

    private sealed class Recording : IExecutionObserver
    {
        public List<long> Ids { get; } = [];

        public void OnEvent(HistoryEvent historyEvent) => Ids.Add(historyEvent.Id);
    }
}
