using System.Text.Json.Nodes;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Core.History;
using SfnResume.Storage.Sqlite;
using static SfnResume.Local.Tests.Fixtures;

namespace SfnResume.Local.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public async Task Start_ReturnsWhileRunning_EndsInBackground_WithAwsHistory()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "waiter", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "first", """{"order":7}""");
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:waiter:first", arn);
        await timer;
        var running = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, None);
        Assert.Equal("RUNNING", running.Status);
        Assert.Equal("""{"order":7}""", running.Input);

        clock.Fake.Advance(TimeSpan.FromSeconds(10));
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("\"done\"", done.Output);
        Assert.Equal(0, done.RedriveCount);
        Assert.Equal("NOT_REDRIVABLE", done.RedriveStatus);
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", done.RedriveStatusReason);

        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.WaitStateEntered, HistoryEventType.WaitStateExited,
             HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.ExecutionSucceeded],
            events.Select(e => e.Type));
        Assert.Equal(TimeSpan.FromSeconds(10), events[2].Timestamp - events[1].Timestamp);
        Assert.Equal(done.StopDate, events[^1].Timestamp);
    }

    [Fact]
    public async Task Start_SameNameAndInputWhileRunning_IsIdempotent_OtherwiseAlreadyExists()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "waiter", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "once", """{"x":1}""");
        await timer;
        Assert.Equal(arn, await StartAsync(api, machine, "once", """{"x":1}"""));
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, machine, "once", """{"x":2}"""));
        Assert.Equal("ExecutionAlreadyExists", e.ErrorType);
        Assert.Equal($"Execution Already Exists: '{arn}'", e.Message);

        clock.Fake.Advance(TimeSpan.FromSeconds(10));
        await api.WaitForExecutionAsync(arn, None);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, machine, "once", """{"x":1}"""));
        Assert.Equal("ExecutionAlreadyExists", e.ErrorType);
        Assert.Single(await HistoryAsync(api, arn), h => h.Type == HistoryEventType.ExecutionStarted);
    }

    [Fact]
    public async Task Start_Errors_InputAndMachine()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var machine = await CreateAsync(api, "p", ThreePasses);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, machine, input: "{not json"));
        Assert.Equal("InvalidExecutionInput", e.ErrorType);
        Assert.StartsWith("Invalid State Machine Execution Input: '", e.Message, StringComparison.Ordinal);
        // Over 262,144 bytes of UTF-8 (90,002 characters): the request model's length constraint answers first.
        var wide = "\"" + new string('\u20ac', 90_000) + "\"";
        e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, machine, input: wide));
        Assert.Equal("ValidationException", e.ErrorType);
        Assert.Contains("'input'", e.Message, StringComparison.Ordinal);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, "arn:aws:states:us-east-1:123456789012:stateMachine:none"));
        Assert.Equal("StateMachineDoesNotExist", e.ErrorType);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => StartAsync(api, machine, name: "bad name"));
        Assert.Equal("InvalidName", e.ErrorType);
        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.DescribeExecutionAsync(
            new DescribeExecutionRequest { ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:p:none" }, None));
        Assert.Equal("ExecutionDoesNotExist", e.ErrorType);
    }

    [Fact]
    public async Task Start_WithoutName_UsesUuid_AndPassesRun()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var machine = await CreateAsync(api, "p", ThreePasses);
        var arn = await StartAsync(api, machine);
        Assert.True(Guid.TryParse(arn[(arn.LastIndexOf(':') + 1)..], out _));
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("""{"a":1,"b":2,"c":3}""", done.Output);
    }

    [Fact]
    public async Task DescribeStateMachineForExecution_KeepsTheDefinitionTheExecutionRanWith()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "m", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "old");
        await timer;
        await api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = machine, Definition = ThreePasses }, None);

        // The running execution keeps its definition version.
        clock.Fake.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("\"done\"", (await api.WaitForExecutionAsync(arn, None)).Output);
        var forOld = await api.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = arn }, None);
        Assert.Equal(WaitTen, forOld.Definition);
        Assert.Equal(machine, forOld.StateMachineArn);
        Assert.Equal("m", forOld.Name);

        var next = await StartAsync(api, machine, "new");
        Assert.Equal("""{"a":1,"b":2,"c":3}""", (await api.WaitForExecutionAsync(next, None)).Output);
        var forNew = await api.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = next }, None);
        Assert.Equal(ThreePasses, forNew.Definition);
        Assert.NotEqual(forOld.RevisionId, forNew.RevisionId);
    }

    [Fact]
    public async Task History_PagesForwardAndBackward_AndDropsDataOnRequest()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var machine = await CreateAsync(api, "p", ThreePasses);
        var arn = await StartAsync(api, machine, "h", """{"in":true}""");
        await api.WaitForExecutionAsync(arn, None);

        var forward = new List<long>();
        var reverse = new List<long>();
        foreach (var (ids, backwards) in new[] { (forward, false), (reverse, true) })
        {
            string? token = null;
            var sizes = new List<int>();
            do
            {
                var page = await api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, MaxResults = 3, ReverseOrder = backwards, NextToken = token }, None);
                ids.AddRange(page.Events.Select(e => e.Id));
                sizes.Add(page.Events.Count);
                token = page.NextToken;
            }
            while (token is not null);
            Assert.Equal([3, 3, 2], sizes);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], forward);
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], reverse);

        var bare = await api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, IncludeExecutionData = false }, None);
        Assert.Null(bare.Events[0].ExecutionStartedEventDetails!.Input);
        Assert.Null(bare.Events[1].StateEnteredEventDetails!.Input);
        Assert.Null(bare.Events[^1].ExecutionSucceededEventDetails!.Output);
        var full = await api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn }, None);
        Assert.Equal("""{"in":true}""", full.Events[0].ExecutionStartedEventDetails!.Input);

        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, MaxResults = 1001 }, None));
        Assert.Equal("ValidationException", e.ErrorType);
    }

    [Fact]
    public async Task Stop_AbortsTheRunningExecution_WithErrorAndCause()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "waiter", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "stopped");
        await timer;
        var stop = await api.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = arn, Error = "Manual", Cause = "operator" }, None);
        var described = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, None);
        Assert.Equal("ABORTED", described.Status);
        Assert.Equal(stop.StopDate, described.StopDate);
        Assert.Equal("Manual", described.Error);
        Assert.Equal("REDRIVABLE", described.RedriveStatus);
        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        Assert.Equal(HistoryEventType.ExecutionAborted, events[^1].Type);
        Assert.Equal("Manual", events[^1].ExecutionAbortedEventDetails!.Error);
        Assert.Equal("operator", events[^1].ExecutionAbortedEventDetails!.Cause);
        Assert.DoesNotContain(events, h => h.Type == HistoryEventType.WaitStateExited);
    }

    [Fact]
    public async Task List_FiltersByStatusAndRedrive_AndPages()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var passes = await CreateAsync(api, "p", ThreePasses);
        var done = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            done.Add(await StartAsync(api, passes, "d" + i));
            await api.WaitForExecutionAsync(done[^1], None);
        }

        var waiting = await CreateAsync(api, "w", WaitTen);
        var timer = clock.NextTimer();
        var running = await StartAsync(api, waiting, "r");
        await timer;

        var succeeded = await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, StatusFilter = "SUCCEEDED", MaxResults = 2 }, None);
        Assert.Equal(2, succeeded.Executions.Count);
        Assert.Equal(done[2], succeeded.Executions[0].ExecutionArn);
        var rest = await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, StatusFilter = "SUCCEEDED", MaxResults = 2, NextToken = succeeded.NextToken }, None);
        Assert.Equal(done[0], Assert.Single(rest.Executions).ExecutionArn);
        Assert.Null(rest.NextToken);

        Assert.Empty((await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, StatusFilter = "RUNNING" }, None)).Executions);
        Assert.Equal(running, Assert.Single((await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = waiting, StatusFilter = "RUNNING" }, None)).Executions).ExecutionArn);
        Assert.Equal(3, (await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, RedriveFilter = "NOT_REDRIVEN" }, None)).Executions.Count);
        Assert.Empty((await api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, RedriveFilter = "REDRIVEN" }, None)).Executions);

        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = passes, StatusFilter = "succeeded" }, None));
        Assert.Equal("ValidationException", e.ErrorType);
        clock.Fake.Advance(TimeSpan.FromSeconds(10));
        await api.WaitForExecutionAsync(running, None);
    }

    [Fact]
    public async Task StartSync_RunsExpressToTheEnd_AndRefusesStandard()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var express = await CreateAsync(api, "fast", ThreePasses, StateMachineType.Express);
        var result = await api.StartSyncExecutionAsync(new StartSyncExecutionRequest { StateMachineArn = express, Name = "s1", Input = """{"z":0}""" }, None);
        Assert.Equal("SUCCEEDED", result.Status);
        Assert.Equal("""{"z":0,"a":1,"b":2,"c":3}""", result.Output);
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:fast:s1:", result.ExecutionArn, StringComparison.Ordinal);

        var standard = await CreateAsync(api, "slow", ThreePasses);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.StartSyncExecutionAsync(new StartSyncExecutionRequest { StateMachineArn = standard }, None));
        Assert.Equal("StateMachineTypeNotSupported", e.ErrorType);
    }

    [Fact]
    public async Task DeployedInlineFunction_ServesTheTask_WithItsEnvironment()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var now = DateTimeOffset.UnixEpoch;
        api.Store.PutFunction(new FunctionRecord
        {
            Name = "double",
            Arn = "arn:aws:lambda:us-east-1:123456789012:function:double",
            Runtime = "nodejs20.x",
            Handler = "index.handler",
            CodeText = "exports.handler = async (event) => ({ value: event.value * 2, stage: process.env.STAGE });",
            EnvironmentJson = """{"STAGE":"test"}""",
            Created = now,
            Updated = now,
        });
        var machine = await CreateAsync(api, "calls", """
            {"StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:double","End":true}}}
            """);
        var arn = await StartAsync(api, machine, "x", """{"value":21}""");
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal(42, (int)output["value"]!);
        Assert.Equal("test", (string)output["stage"]!);
        Assert.Contains(await HistoryAsync(api, arn), e => e.Type == HistoryEventType.LambdaFunctionSucceeded);
    }

    [Fact]
    public async Task DefinitionTheEngineCannotRun_FailsWithStatesRuntime()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var machine = await CreateAsync(api, "sqs", """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"q","MessageBody":"m"},"End":true}}}
            """);
        var arn = await StartAsync(api, machine, "x");
        var done = await api.WaitForExecutionAsync(arn, None);
        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.Runtime", done.Error);
        Assert.Contains("sqs:sendMessage", done.Cause, StringComparison.Ordinal);
        var events = await HistoryAsync(api, arn);
        AssertContiguous(events);
        Assert.Equal([HistoryEventType.ExecutionStarted, HistoryEventType.ExecutionFailed], events.Select(e => e.Type));

        var express = await CreateAsync(api, "quick", ThreePasses, StateMachineType.Express);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = express }, None));
        Assert.Equal("StateMachineTypeNotSupported", e.ErrorType);
    }

    [Fact]
    public async Task Watch_ReportsNewEventsAndTheCurrentState()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "w", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "watched");
        await timer;
        var seen = new List<ExecutionProgress>();
        using (api.WatchExecution(arn, p =>
        {
            lock (seen)
            {
                seen.Add(p);
            }
        }))
        {
            clock.Fake.Advance(TimeSpan.FromSeconds(10));
            await api.WaitForExecutionAsync(arn, None);
        }

        Assert.Equal(
            [HistoryEventType.WaitStateExited, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.ExecutionSucceeded],
            seen.Select(p => p.Event.Type));
        Assert.Equal([3L, 4, 5, 6], seen.Select(p => p.Event.Id));
        Assert.Equal(["Hold", "Done", "Done", "Done"], seen.Select(p => p.CurrentState));
    }

    [Fact]
    public async Task Delete_StopsRunningExecutionsAndRemovesThem()
    {
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { TimeProvider = clock });
        var machine = await CreateAsync(api, "w", WaitTen);
        var timer = clock.NextTimer();
        var arn = await StartAsync(api, machine, "doomed");
        await timer;
        await api.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = machine }, None);
        Assert.Equal(0, api.RunningCount);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, None));
        Assert.Equal("ExecutionDoesNotExist", e.ErrorType);
        Assert.Empty((await api.ListStateMachinesAsync(new ListStateMachinesRequest(), None)).StateMachines);
    }
}
