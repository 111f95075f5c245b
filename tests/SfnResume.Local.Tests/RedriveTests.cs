using System.Text.Json.Nodes;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;
using static SfnResume.Local.Tests.Fixtures;

namespace SfnResume.Local.Tests;

public sealed class RedriveTests
{
    private const string Fanout = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Result":{"n":5},"Next":"Fan"},
          "Fan":{"Type":"Parallel","Next":"Collect","Branches":[
            {"StartAt":"SteadyPrep","States":{
              "SteadyPrep":{"Type":"Pass","Next":"Steady"},
              "Steady":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:steady","End":true}}},
            {"StartAt":"FlakyPrep","States":{
              "FlakyPrep":{"Type":"Pass","Next":"Flaky"},
              "Flaky":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:flaky","End":true}}}]},
          "Collect":{"Type":"Pass","End":true}}}
        """;

    [Fact]
    public async Task RedriveOfFailedParallel_RerunsOnlyTheFailedBranch()
    {
        var steadyCalls = 0;
        var flakyCalls = 0;
        var delegates = new DelegateLambdaInvoker()
            .Add("steady", n =>
            {
                Interlocked.Increment(ref steadyCalls);
                return new JsonObject { ["steady"] = (int)n!["n"]! * 10 };
            })
            .Add("flaky", n => Interlocked.Increment(ref flakyCalls) == 1
                ? throw new LambdaFunctionException("Downstream.Unavailable", "try later")
                : new JsonObject { ["flaky"] = (int)n!["n"]! + 1 });
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { Lambdas = new LambdaResolver(delegates: delegates) });
        var machine = await CreateAsync(api, "fanout", Fanout);
        var arn = await StartAsync(api, machine, "run1");
        var failed = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("FAILED", failed.Status);
        Assert.Equal("Downstream.Unavailable", failed.Error);
        Assert.Equal("REDRIVABLE", failed.RedriveStatus);
        var before = await HistoryAsync(api, arn);

        var redrive = await api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn }, None);
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""[{"steady":50},{"flaky":6}]""", done.Output);
        Assert.Equal(1, done.RedriveCount);
        Assert.Equal(redrive.RedriveDate, done.RedriveDate);
        Assert.Equal(1, steadyCalls);
        Assert.Equal(2, flakyCalls);

        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        Assert.Equal(before.Select(e => (e.Id, e.Type, e.Timestamp)), events.Take(before.Count).Select(e => (e.Id, e.Type, e.Timestamp)));
        var redriven = Assert.Single(events, e => e.Type == HistoryEventType.ExecutionRedriven);
        Assert.Equal(before.Count + 1, redriven.Id);
        Assert.Equal(before.Count, redriven.PreviousEventId);
        Assert.Equal(1, redriven.ExecutionRedrivenEventDetails!.RedriveCount);

        var after = events.Skip(before.Count + 1).ToList();
        string[] enteredAfter = [.. after.Where(e => e.StateEnteredEventDetails is not null).Select(e => e.StateEnteredEventDetails!.Name)];
        Assert.Equal(["Flaky", "Collect"], enteredAfter);
        Assert.Single(events, e => e.StateEnteredEventDetails?.Name == "Steady");
        Assert.Single(events, e => e.StateEnteredEventDetails?.Name == "FlakyPrep");
        Assert.Single(events, e => e.StateEnteredEventDetails?.Name == "Fan");
        Assert.Equal(HistoryEventType.ExecutionSucceeded, events[^1].Type);
        Assert.Equal(0, api.ReplayMismatches);

        // The rerun branch continues inside its Parallel: its Entered points at the branch's last recorded event.
        var flakyAgain = after.First(e => e.StateEnteredEventDetails?.Name == "Flaky");
        Assert.Equal("FlakyPrep", events[(int)flakyAgain.PreviousEventId - 1].StateExitedEventDetails?.Name);

        var listed = await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, RedriveFilter = "REDRIVEN" }, None);
        Assert.Equal(arn, Assert.Single(listed.Executions).ExecutionArn);

        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn }, None));
        Assert.Equal("ExecutionNotRedrivable", e.ErrorType);
        Assert.Contains("Execution is SUCCEEDED and cannot be redriven", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedriveOfFailedTopLevelTask_EntersItAgainAfterExecutionRedriven()
    {
        var calls = 0;
        var delegates = new DelegateLambdaInvoker().Add("flaky", n => Interlocked.Increment(ref calls) == 1
            ? throw new LambdaFunctionException("Boom", "first")
            : new JsonObject { ["ok"] = true });
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { Lambdas = new LambdaResolver(delegates: delegates) });
        var machine = await CreateAsync(api, "single", """
            {"StartAt":"First","States":{
              "First":{"Type":"Pass","Result":{"k":1},"Next":"Flaky"},
              "Flaky":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:flaky","End":true}}}
            """);
        var arn = await StartAsync(api, machine, "one");
        Assert.Equal("FAILED", (await api.WaitForExecutionAsync(arn, None)).Status);
        var first = await api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "t1" }, None);
        Assert.Equal("""{"ok":true}""", (await api.WaitForExecutionAsync(arn, None)).Output);

        // The same clientToken again is answered with the first redrive's date; another token is refused.
        var again = await api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "t1" }, None);
        Assert.Equal(first.RedriveDate, again.RedriveDate);
        var refused = await Assert.ThrowsAsync<SfnServiceException>(() => api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = "t2" }, None));
        Assert.Equal("ExecutionNotRedrivable", refused.ErrorType);
        Assert.Equal(1, (await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, None)).RedriveCount);

        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        var redriven = events.Single(e => e.Type == HistoryEventType.ExecutionRedriven);
        var reentered = events[(int)redriven.Id];
        Assert.Equal("Flaky", reentered.StateEnteredEventDetails!.Name);
        Assert.Equal(redriven.Id, reentered.PreviousEventId);
        Assert.Single(events, e => e.StateEnteredEventDetails?.Name == "First");
    }

    [Fact]
    public async Task Redrive_RefusesRunningAndUnknownExecutions()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "w", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "r");
        await timer;
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn }, None));
        Assert.Equal("ExecutionNotRedrivable", e.ErrorType);
        Assert.Contains("Execution is RUNNING and cannot be redriven", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.RedriveExecutionAsync(
            new RedriveExecutionRequest { ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:w:none" }, None));
        Assert.Equal("ExecutionDoesNotExist", e.ErrorType);

        // Redrivable period: 14 days after the end.
        await api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn }, None);
        clock.Fake.Advance(TimeSpan.FromDays(15));
        var described = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, None);
        Assert.Equal("NOT_REDRIVABLE", described.RedriveStatus);
        Assert.Equal("Execution redrivable period exceeded", described.RedriveStatusReason);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn }, None));
        Assert.Equal("ExecutionNotRedrivable", e.ErrorType);
    }

    [Fact]
    public async Task RedriveOfFailedInlineMap_RerunsOnlyTheUnfinishedIterations()
    {
        var calls = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var delegates = new DelegateLambdaInvoker().Add("item", n =>
        {
            var item = (int)n!;
            return calls.AddOrUpdate(item, 1, (_, c) => c + 1) == 1 && item == 2
                ? throw new LambdaFunctionException("Item.Failed", "item 2")
                : JsonValue.Create(item * 100);
        });
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { Lambdas = new LambdaResolver(delegates: delegates) });
        var machine = await CreateAsync(api, "mapper", """
            {"StartAt":"Each","States":{
              "Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,
                "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Work","States":{
                  "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:item","End":true}}}}}}
            """);
        var arn = await StartAsync(api, machine, "m1", """{"items":[1,2,3]}""");
        Assert.Equal("FAILED", (await api.WaitForExecutionAsync(arn, None)).Status);
        var before = (await HistoryAsync(api, arn)).Count;

        await api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn }, None);
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("[100,200,300]", done.Output);
        Assert.Equal(1, calls[1]);
        Assert.Equal(2, calls[2]);
        Assert.Equal(1, calls[3]);

        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        var after = events.Skip(before + 1).ToList();
        Assert.DoesNotContain(after, e => e.Type == HistoryEventType.MapStateEntered);
        Assert.DoesNotContain(after, e => e.Type == HistoryEventType.MapIterationStarted && e.MapIterationStartedEventDetails!.Index == 0);
        Assert.Contains(after, e => e.Type == HistoryEventType.MapIterationSucceeded && e.MapIterationSucceededEventDetails!.Index == 1);
        Assert.Single(events, e => e.Type == HistoryEventType.MapIterationSucceeded && e.MapIterationSucceededEventDetails!.Index == 0);
        Assert.Equal(0, api.ReplayMismatches);
    }
}
