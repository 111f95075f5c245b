using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.Compilation;

public sealed class ParallelAndMapTests
{
    private static string Fn(string name) => "arn:aws:lambda:us-east-1:111111111111:function:" + name;

    [Fact]
    public async Task Parallel_SynchronousBranches_RunInBranchOrderAndChainAsRecorded()
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}],"End":true}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, "{}");

        Assert.Equal("""["a","b"]""", result.Output);
        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 ParallelStateEntered", "3 2 ParallelStateStarted", "4 3 PassStateEntered", "5 4 PassStateExited",
             "6 3 PassStateEntered", "7 6 PassStateExited", "8 7 ParallelStateSucceeded", "9 7 ParallelStateExited", "10 9 ExecutionSucceeded"],
            HistoryText.Chain(result));
    }

    [Fact]
    public async Task Parallel_BranchFails_RunningSiblingIsAbortedAndTheBranchErrorIsReported()
    {
        var invoker = new BlockingInvoker { ExpectedBlocked = 1 };
        var harness = new EngineHarness(configure: o => With(o, invoker));
        var definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"Slow","States":{"Slow":{"Type":"Task","Resource":"SLOW","End":true}}},
              {"StartAt":"Bad","States":{"Bad":{"Type":"Task","Resource":"FAIL","End":true}}}],"End":true}}}
            """.Replace("SLOW", Fn("block"), StringComparison.Ordinal).Replace("FAIL", Fn("fail"), StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        Assert.Equal(("Broken", "it broke"), (result.Error, result.Cause));
        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 ParallelStateEntered", "3 2 ParallelStateStarted",
             "4 3 TaskStateEntered", "5 4 LambdaFunctionScheduled", "6 5 LambdaFunctionStarted",
             "7 3 TaskStateEntered", "8 7 LambdaFunctionScheduled", "9 8 LambdaFunctionStarted", "10 9 LambdaFunctionFailed",
             "11 10 TaskStateAborted", "12 10 TaskStateAborted", "13 10 ParallelStateFailed", "14 13 ExecutionFailed"],
            HistoryText.Chain(result));
    }

    [Fact]
    public async Task Parallel_FastForward_SiblingWaitIsAbortedWhenABranchFails()
    {
        // history-events.md, worked example A.
        var harness = new EngineHarness(f => f.Add("charge", _ => DelegateInvoker.Thrown("Exception", "boom")));
        const string Definition = """
            {"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","Next":"FanOut"},"FanOut":{"Type":"Parallel","Branches":[
              {"StartAt":"A1","States":{"A1":{"Type":"Wait","Seconds":10,"End":true}}},
              {"StartAt":"B1","States":{"B1":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:111111111111:function:charge","Payload.$":"$"},"End":true}}}],"End":true}}}
            """;

        var result = await harness.RunAsync(Definition, "{}");

        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 PassStateEntered", "3 2 PassStateExited", "4 3 ParallelStateEntered", "5 4 ParallelStateStarted",
             "6 5 WaitStateEntered", "7 5 TaskStateEntered", "8 7 TaskScheduled", "9 8 TaskStarted", "10 9 TaskFailed",
             "11 10 TaskStateAborted", "12 10 WaitStateAborted", "13 10 ParallelStateFailed", "14 13 ExecutionFailed"],
            HistoryText.Chain(result));
        Assert.Equal(EngineHarness.Epoch, result.StopDate);
    }

    [Fact]
    public async Task Parallel_FastForward_BranchEventsInterleaveByVirtualTime()
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":5,"Next":"AfterLong"},"AfterLong":{"Type":"Pass","End":true}}},
              {"StartAt":"Short","States":{"Short":{"Type":"Wait","Seconds":2,"Next":"AfterShort"},"AfterShort":{"Type":"Pass","End":true}}}],"End":true}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, "{}");

        var names = result.Events.Where(e => e.StateName is not null).Select(e => e.Type + ":" + e.StateName).ToArray();
        Assert.Equal(
            ["ParallelStateEntered:P", "WaitStateEntered:Long", "WaitStateEntered:Short", "WaitStateExited:Short", "PassStateEntered:AfterShort",
             "PassStateExited:AfterShort", "WaitStateExited:Long", "PassStateEntered:AfterLong", "PassStateExited:AfterLong", "ParallelStateExited:P"],
            names);
        Assert.Equal(EngineHarness.Epoch.AddSeconds(5), result.StopDate);
        Assert.True(result.Events.Zip(result.Events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
    }

    [Fact]
    public async Task Parallel_AsynchronousBranches_RunConcurrently()
    {
        var invoker = new BlockingInvoker { ExpectedBlocked = 2 };
        var harness = new EngineHarness(configure: o => With(o, invoker));
        var definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"A","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"B","End":true}}}],"End":true}}}
            """.Replace("\"A\",\"End\"", "\"" + Fn("block-a") + "\",\"End\"", StringComparison.Ordinal)
               .Replace("\"B\",\"End\"", "\"" + Fn("block-b") + "\",\"End\"", StringComparison.Ordinal);

        var running = harness.RunAsync(definition, "{}");
        await invoker.AllBlocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        invoker.Release();
        var result = await running;

        Assert.Equal("""["block-a","block-b"]""", result.Output);
    }

    [Fact]
    public async Task Parallel_Variables_BranchesReadOuterValuesAndTheirOwnDoNotLeak()
    {
        const string Definition = """
            {"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
             "P":{"Type":"Parallel","Branches":[{"StartAt":"In","States":{"In":{"Type":"Pass","Parameters":{"x.$":"$x"},"Assign":{"inner":2},"End":true}}}],"Next":"Check"},
             "Check":{"Type":"Choice","Choices":[{"Variable":"$inner","IsPresent":true,"Next":"Leaked"}],"Default":"Fine"},
             "Leaked":{"Type":"Fail"},"Fine":{"Type":"Succeed"}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, "{}");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""[{"x":1}]""", result.Output);
    }

    [Fact]
    public async Task Map_ItemSelectorAndConcurrency_BuildsResultsInIndexOrder()
    {
        const string Definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
             "ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}},"ResultPath":"$.out","End":true}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, """{"items":["a","b"],"k":0}""");

        Assert.Equal("""{"items":["a","b"],"k":0,"out":[{"i":0,"v":"a","k":0},{"i":1,"v":"b","k":0}]}""", result.Output);
        Assert.Equal(2, HistoryText.Single(result, HistoryEventType.MapStateStarted).MapStateStartedEventDetails!.Length);
        Assert.All(result.Events.Where(e => e.Type == HistoryEventType.MapIterationStarted), e => Assert.Equal(3, e.PreviousEventId));
    }

    [Fact]
    public async Task Map_ToleratedFailureCount_AllowsThatManyFailedItems()
    {
        const string Definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
             "ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":1,"Next":"Bad"}],"Default":"Ok"},
              "Bad":{"Type":"Fail","Error":"TooBig"},"Ok":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var harness = new EngineHarness();

        var tolerated = await harness.RunAsync(Definition, "[1, 2]");
        var exceeded = await harness.RunAsync(Definition, "[1, 2, 3]");

        Assert.Equal(ExecutionResult.Succeeded, tolerated.Status);
        Assert.Equal("""[1,{"Error":"TooBig","Cause":""}]""", tolerated.Output);
        Assert.Equal("States.ExceedToleratedFailureThreshold", exceeded.Error);
        Assert.Single(exceeded.Events, e => e.Type == HistoryEventType.MapStateFailed);
    }

    [Fact]
    public async Task Map_NotAnArray_FailsWithStatesRuntime()
    {
        var result = await new EngineHarness().RunAsync("""{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}""", """{"a":1}""");

        Assert.Equal("States.Runtime", result.Error);
        Assert.EndsWith("Map state input must be an array but was: {\"a\":1}", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MaxConcurrency_LimitsRunningIterations()
    {
        var invoker = new BlockingInvoker { ExpectedBlocked = 2 };
        var harness = new EngineHarness(configure: o => With(o, invoker));
        var definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,
             "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"BLOCK","End":true}}},"End":true}}}
            """.Replace("BLOCK", Fn("block"), StringComparison.Ordinal);

        var running = harness.RunAsync(definition, "[1, 2, 3]");
        await invoker.AllBlocked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var startedWhileBlocked = running.IsCompleted ? -1 : invoker.Calls;
        invoker.Release();
        var result = await running;

        Assert.Equal(2, startedWhileBlocked);
        Assert.Equal("""["block","block","block"]""", result.Output);
    }

    [Fact]
    public async Task Map_Distributed_WritesMapRunEventsAndNoIterationEvents()
    {
        const string Definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Run","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
             "StartAt":"I","States":{"I":{"Type":"Pass","Parameters":{"v.$":"$"},"End":true}}},"End":true}}}
            """;

        var result = await new EngineHarness().RunAsync(Definition, "[1, 2]");

        Assert.Equal("""[{"v":1},{"v":2}]""", result.Output);
        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted", "4 3 MapRunStarted", "5 4 MapRunSucceeded",
             "6 5 MapStateSucceeded", "7 5 MapStateExited", "8 7 ExecutionSucceeded"],
            HistoryText.Chain(result));
        Assert.StartsWith("arn:aws:states:us-east-1:111111111111:mapRun:machine/Run:", result.Events[3].MapRunStartedEventDetails!.MapRunArn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "9 6 MapStateExited")]
    [InlineData("2025-10-28", "9 6 MapStateExited")]
    [InlineData("2024-08-01", "9 6 MapStateExited")]
    [InlineData("2024-07-31", "9 7 MapStateExited")]
    [InlineData("2024-05-03", "9 7 MapStateExited")]
    public async Task Map_DistributedAfterAnotherState_ExitFollowsTheRunStartAsAwsWritesItSinceMid2024(string? behaviourOf, string exited)
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"M"},"M":{"Type":"Map","Label":"Run","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
             "StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var day = behaviourOf is null ? (DateOnly?)null : DateOnly.Parse(behaviourOf, System.Globalization.CultureInfo.InvariantCulture);

        var result = await new EngineHarness(configure: o => new EngineOptions
        {
            TimeProvider = o.TimeProvider,
            FastForward = true,
            NewGuid = o.NewGuid,
            AccountId = o.AccountId,
            AwsBehaviourOf = day,
        }).RunAsync(Definition, "[1]");

        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 PassStateEntered", "3 2 PassStateExited", "4 3 MapStateEntered", "5 4 MapStateStarted",
             "6 5 MapRunStarted", "7 6 MapRunSucceeded", "8 7 MapStateSucceeded", exited, "10 9 ExecutionSucceeded"],
            HistoryText.Chain(result));
    }

    internal static EngineOptions With(EngineOptions o, SfnResume.Engine.Tasks.ILambdaInvoker invoker) => new()
    {
        TimeProvider = o.TimeProvider,
        FastForward = o.FastForward,
        LambdaInvoker = invoker,
        NewGuid = o.NewGuid,
        NextRandom = o.NextRandom,
        AccountId = o.AccountId,
    };
}
