using SfnResume.Api.Contracts;

namespace SfnResume.Server.Tests;

public sealed class OperationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task State_machine_operations_round_trip_through_the_server()
    {
        await using var h = await ServerHarness.StartAsync();
        var c = h.Client;
        var valid = await c.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = ServerHarness.ThreePasses }, None);
        Assert.Equal("OK", valid.Result);

        var arn = await h.CreateAsync("orders", ServerHarness.ThreePasses);
        Assert.EndsWith(":stateMachine:orders", arn, StringComparison.Ordinal);
        var described = await c.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None);
        Assert.Equal("orders", described.Name);
        Assert.Equal(ServerHarness.ThreePasses, described.Definition);

        await c.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = arn, Definition = ServerHarness.Fails }, None);
        Assert.Equal(ServerHarness.Fails, (await c.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None)).Definition);

        var listed = await c.ListStateMachinesAsync(new ListStateMachinesRequest(), None);
        Assert.Contains(listed.StateMachines, m => m.StateMachineArn == arn);

        await c.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "team", Value = "billing" }, new Tag { Key = "x", Value = "y" }] }, None);
        await c.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["x"] }, None);
        var tags = await c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, None);
        Assert.Equal("team=billing", Assert.Single(tags.Tags!) is var t ? $"{t.Key}={t.Value}" : "");

        await c.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = arn }, None);
        var after = await c.ListStateMachinesAsync(new ListStateMachinesRequest(), None);
        Assert.DoesNotContain(after.StateMachines, m => m.StateMachineArn == arn);
    }

    [Fact]
    public async Task Execution_operations_round_trip_through_the_server()
    {
        await using var h = await ServerHarness.StartAsync();
        var c = h.Client;
        var machine = await h.CreateAsync("passes", ServerHarness.ThreePasses);
        var execution = await h.StartAndFinishAsync(machine, "run-1", """{"x":0}""");

        var described = await c.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = execution }, None);
        Assert.Equal("SUCCEEDED", described.Status);
        Assert.Equal("""{"x":0,"a":1,"b":2,"c":3}""", described.Output);

        var forExecution = await c.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = execution }, None);
        Assert.Equal(ServerHarness.ThreePasses, forExecution.Definition);

        var history = await c.GetExecutionHistoryAllPagesAsync(new GetExecutionHistoryRequest { ExecutionArn = execution }, None);
        Assert.Equal("ExecutionStarted", history[0].Type.ToString());
        Assert.Equal("ExecutionSucceeded", history[^1].Type.ToString());

        var waiting = await h.CreateAsync("waits", ServerHarness.WaitLong);
        var running = (await c.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = waiting, Name = "long" }, None)).ExecutionArn;
        await c.StopExecutionAsync(new StopExecutionRequest { ExecutionArn = running, Error = "Stopped", Cause = "test" }, None);
        await h.Local.WaitForExecutionAsync(running, None);
        Assert.Equal("ABORTED", (await c.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = running }, None)).Status);

        var failing = await h.CreateAsync("fails", ServerHarness.Fails);
        var failed = await h.StartAndFinishAsync(failing, "bad");
        var redrive = await c.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = failed, ClientToken = "token-1" }, None);
        await h.Local.WaitForExecutionAsync(failed, None);
        Assert.True(redrive.RedriveDate > DateTimeOffset.MinValue);
        Assert.Equal(1, (await c.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = failed }, None)).RedriveCount);

        var express = await h.CreateAsync("quick", ServerHarness.ThreePasses, "EXPRESS");
        var sync = await c.StartSyncExecutionAsync(new StartSyncExecutionRequest { StateMachineArn = express, Input = "{}" }, None);
        Assert.Equal("SUCCEEDED", sync.Status);
        Assert.Equal("""{"a":1,"b":2,"c":3}""", sync.Output);
    }

    [Fact]
    public async Task ListExecutions_and_GetExecutionHistory_page_with_maxResults_nextToken_and_reverseOrder()
    {
        await using var h = await ServerHarness.StartAsync();
        var c = h.Client;
        var machine = await h.CreateAsync("paged", ServerHarness.ThreePasses);
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await h.StartAndFinishAsync(machine, $"run-{i}"));
        }

        var first = await c.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, MaxResults = 2 }, None);
        Assert.Equal(2, first.Executions.Count);
        Assert.NotNull(first.NextToken);
        var all = await c.ListExecutionsAllPagesAsync(new ListExecutionsRequest { StateMachineArn = machine, MaxResults = 2 }, None);
        Assert.Equal(started.AsEnumerable().Reverse(), all.Select(e => e.ExecutionArn));

        var full = await c.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = started[0], MaxResults = 1000 }, None);
        Assert.Null(full.NextToken);
        var paged = await c.GetExecutionHistoryAllPagesAsync(new GetExecutionHistoryRequest { ExecutionArn = started[0], MaxResults = 3 }, None);
        Assert.Equal(full.Events.Select(e => e.Id), paged.Select(e => e.Id));
        var reversed = await c.GetExecutionHistoryAllPagesAsync(
            new GetExecutionHistoryRequest { ExecutionArn = started[0], MaxResults = 4, ReverseOrder = true }, None);
        Assert.Equal(full.Events.Select(e => e.Id).Reverse(), reversed.Select(e => e.Id));
        Assert.True(full.Events.Count > 4);
    }
}
