using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.Compilation;

public sealed class WaitAndTaskTests
{
    private const string FlakyArn = "arn:aws:lambda:us-east-1:111111111111:function:flaky";

    [Fact]
    public async Task Wait_FastForward_MovesTheVirtualClockWithoutRealTime()
    {
        var harness = new EngineHarness();
        const string Definition = """{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","Next":"T"},"T":{"Type":"Wait","Timestamp":"2024-06-01T13:00:00Z","End":true}}}""";

        var result = await harness.RunAsync(Definition, """{"s": 90}""");

        Assert.Equal(EngineHarness.Epoch.AddSeconds(90), HistoryText.Single(result, HistoryEventType.WaitStateExited, "W").Timestamp);
        Assert.Equal(EngineHarness.Epoch.AddHours(1), result.StopDate);
        Assert.Equal(EngineHarness.Epoch, harness.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Wait_RealTime_CompletesOnlyWhenTheClockReachesTheDelay()
    {
        var harness = new EngineHarness(configure: o => Copy(o, fastForward: false));
        var running = harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""", "{}");

        harness.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(running.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await running;

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal(EngineHarness.Epoch.AddSeconds(10), result.StopDate);
    }

    [Theory]
    [InlineData("""{"s": -1}""", "The SecondsPath parameter references a negative value: $.s == -1")]
    [InlineData("""{"s": 1.5}""", "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")]
    [InlineData("{}", "The SecondsPath parameter does not reference an input value: $.s")]
    public async Task Wait_BadSecondsPath_FailsWithAwsWording(string input, string detail)
    {
        var result = await new EngineHarness().RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""", input);

        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'W' (entered at the event id #2). " + detail, result.Cause);
    }

    [Fact]
    public async Task Task_Retry_BacksOffAndReschedulesWithoutANewEnteredEvent()
    {
        var calls = 0;
        var harness = new EngineHarness(f => f.Add("flaky", _ => ++calls < 3 ? DelegateInvoker.Thrown("Busy", "try again") : new LambdaOutcome.Succeeded(JsonValue.Create("ok"))));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"FLAKY","Retry":[{"ErrorEquals":["Other"],"MaxAttempts":0},
             {"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"BackoffRate":3,"MaxDelaySeconds":5}],"End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        Assert.Equal("\"ok\"", result.Output);
        Assert.Equal(
            ["1 0 ExecutionStarted", "2 0 TaskStateEntered", "3 2 LambdaFunctionScheduled", "4 3 LambdaFunctionStarted", "5 4 LambdaFunctionFailed",
             "6 5 LambdaFunctionScheduled", "7 6 LambdaFunctionStarted", "8 7 LambdaFunctionFailed", "9 8 LambdaFunctionScheduled",
             "10 9 LambdaFunctionStarted", "11 10 LambdaFunctionSucceeded", "12 11 TaskStateExited", "13 12 ExecutionSucceeded"],
            HistoryText.Chain(result));
        Assert.Equal(EngineHarness.Epoch.AddSeconds(2), result.Events[5].Timestamp);
        Assert.Equal(EngineHarness.Epoch.AddSeconds(2 + 5), result.Events[8].Timestamp);
        Assert.Equal(2, result.Retries);
        Assert.Equal([0, 1, 2], harness.Invoker.Calls.Select(c => c.Attempt));
    }

    [Fact]
    public async Task Task_RetriesOfAFunctionAnsweringLater_WriteTheSameHistoryAsAnImmediateOne()
    {
        const string Definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:flaky","ResultPath":"$.r",
             "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":1,"MaxAttempts":3,"BackoffRate":1}],
             "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Caught"}],"Next":"Again"},
             "Again":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":2,"Next":"Bump"}],"Default":"Done"},
             "Bump":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"T"},
             "Caught":{"Type":"Pass","End":true},"Done":{"Type":"Succeed"}}}
            """;
        static LambdaOutcome Flaky(LambdaInvocation call) =>
            call.Attempt < 2 ? DelegateInvoker.Thrown("Busy", "attempt " + call.Attempt) : new LambdaOutcome.Succeeded(JsonValue.Create(call.Attempt));

        var immediate = await new EngineHarness(f => f.Add("flaky", Flaky)).RunAsync(Definition, """{"n":0}""");
        var later = await new EngineHarness(configure: o => new EngineOptions
        {
            TimeProvider = o.TimeProvider,
            FastForward = true,
            LambdaInvoker = new LaterInvoker(Flaky),
            NewGuid = o.NewGuid,
            NextRandom = o.NextRandom,
            AccountId = o.AccountId,
        }).RunAsync(Definition, """{"n":0}""");

        Assert.Equal(ExecutionResult.Succeeded, immediate.Status);
        Assert.Equal(6, immediate.Retries);
        Assert.Equal(ExecutionHistory.FromEvents(immediate.Events).ToJson(), ExecutionHistory.FromEvents(later.Events).ToJson());
    }

    [Fact]
    public async Task Task_MaxAttemptsZeroThenCatch_PutsTheErrorOutputAtResultPath()
    {
        var harness = new EngineHarness(f => f.Add("flaky", _ => DelegateInvoker.Thrown("Busy", "nope")));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"FLAKY","Retry":[{"ErrorEquals":["Busy"],"MaxAttempts":0}],
             "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.err","Next":"Handled"}],"OutputPath":"$.never","End":true},
             "Handled":{"Type":"Pass","End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, """{"keep":1}""");

        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(1, output["keep"]!.GetValue<int>());
        Assert.Equal("Busy", output["err"]!["Error"]!.GetValue<string>());
        Assert.Single(harness.Invoker.Calls);
    }

    [Fact]
    public async Task Task_Timeout_IsNotCaughtByTaskFailedButByTimeout()
    {
        var harness = new EngineHarness(f => f.Add("flaky", _ => LambdaOutcome.TimedOut.Instance));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"FLAKY","Payload.$":"$"},
             "TimeoutSeconds":5,"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"Right"}],"End":true},
             "Wrong":{"Type":"Succeed"},"Right":{"Type":"Succeed"}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        Assert.Equal("""{"Error":"States.Timeout","Cause":""}""", result.Output);
        var scheduled = HistoryText.Single(result, HistoryEventType.TaskScheduled).TaskScheduledEventDetails!;
        Assert.Equal(("lambda", "invoke", "us-east-1", 5L), (scheduled.ResourceType, scheduled.Resource, scheduled.Region, scheduled.TimeoutInSeconds));
        Assert.Equal("{\"FunctionName\":\"" + FlakyArn + "\",\"Payload\":{}}", scheduled.Parameters);
        Assert.Null(HistoryText.Single(result, HistoryEventType.TaskTimedOut).TaskTimedOutEventDetails!.Cause);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Invoker.Calls[0].StateTimeout);
    }

    [Fact]
    public async Task Task_HeartbeatShorterThanTimeout_TimesOutWithHeartbeatTimeout()
    {
        var harness = new EngineHarness(f => f.Add("flaky", _ => LambdaOutcome.TimedOut.Instance));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"FLAKY"},
             "TimeoutSecondsPath":"$.timeout","HeartbeatSeconds":3,"End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, """{"timeout": 10}""");

        Assert.Equal("States.HeartbeatTimeout", result.Error);
        var scheduled = HistoryText.Single(result, HistoryEventType.TaskScheduled).TaskScheduledEventDetails!;
        Assert.Equal((10L, 3L), (scheduled.TimeoutInSeconds, scheduled.HeartbeatInSeconds));
        Assert.Equal(TimeSpan.FromSeconds(3), harness.Invoker.Calls[0].StateTimeout);
    }

    [Fact]
    public async Task Task_LambdaInvoke_ResultIsTheInvokeResponse()
    {
        var harness = new EngineHarness(f => f.Add("flaky", p => new JsonObject { ["echo"] = p?.DeepClone() }));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"FLAKY","Payload":{"a.$":"$.a"}},
             "ResultSelector":{"body.$":"$.Payload","code.$":"$.StatusCode"},"ResultPath":"$.r","End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, """{"a":1}""");

        Assert.Equal("""{"a":1,"r":{"body":{"echo":{"a":1}},"code":200}}""", result.Output);
        var response = JsonNode.Parse(HistoryText.Single(result, HistoryEventType.TaskSucceeded).TaskSucceededEventDetails!.Output!)!;
        Assert.Equal("$LATEST", response["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(200, response["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Task_LambdaInvokeWithLogTypeTail_ReturnsTheLogTail()
    {
        var harness = new EngineHarness(f => f.Add("flaky", p => p?.DeepClone()));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"FLAKY","Payload":{},"LogType":"Tail"},"End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        var response = JsonNode.Parse(result.Output!)!.AsObject();
        var log = response["LogResult"]!.GetValue<string>();
        var requestId = response["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>();
        Assert.Equal($"START RequestId: {requestId} Version: $LATEST\nEND RequestId: {requestId}\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(log)));
        Assert.Equal(["ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"], response.Select(p => p.Key));
        Assert.Equal(log, response["SdkHttpMetadata"]!["HttpHeaders"]!["X-Amz-Log-Result"]!.GetValue<string>());
        Assert.Equal(log, response["SdkHttpMetadata"]!["AllHttpHeaders"]!["X-Amz-Log-Result"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Task_LambdaInvokeWithoutLogType_HasNoLogResult()
    {
        var harness = new EngineHarness(f => f.Add("flaky", p => p?.DeepClone()));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"FLAKY","Payload":{}},"End":true}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        Assert.False(JsonNode.Parse(result.Output!)!.AsObject().ContainsKey("LogResult"));
    }

    [Fact]
    public async Task Task_NoLambdaInvokerAtAll_FailsWithLambdasOwnNotFoundCause()
    {
        var harness = new EngineHarness(configure: o => new EngineOptions { TimeProvider = o.TimeProvider, FastForward = true, NewGuid = o.NewGuid, AccountId = o.AccountId });
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"no_such_function","Payload":{}},"End":true}}}
            """;

        var result = await harness.RunAsync(definition, "{}");

        Assert.Equal("Lambda.ResourceNotFoundException", result.Error);
        Assert.Matches(@"^Function not found: arn:aws:lambda:us-east-1:111111111111:function:no_such_function:\$LATEST \(Service: AWSLambda; Status Code: 404; " +
            @"Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$", result.Cause);
    }

    [Fact]
    public async Task Task_ResultTooLarge_IsATaskFailureThatCatchAllHandles()
    {
        var harness = new EngineHarness(f => f.Add("flaky", _ => JsonValue.Create(new string('a', 262_145))));
        var definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"FLAKY","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Succeed"}}}
            """.Replace("FLAKY", FlakyArn, StringComparison.Ordinal);

        var result = await harness.RunAsync(definition, "{}");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        var failed = HistoryText.Single(result, HistoryEventType.LambdaFunctionFailed).LambdaFunctionFailedEventDetails!;
        Assert.Equal("States.DataLimitExceeded", failed.Error);
        Assert.Equal("The state/task '" + FlakyArn + "' returned a result with a size exceeding the maximum number of bytes service limit.", failed.Cause);
    }

    [Fact]
    public async Task Pass_OutputTooLarge_FailsTheExecutionWhateverTheCatchers()
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Big","States":{"Big":{"Type":"Pass","Parameters":{"s.$":"States.ArrayRange(1, 1000, 1)"},"End":true}}}],
             "Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Succeed"}}}
            """;
        var harness = new EngineHarness(configure: o => new EngineOptions { TimeProvider = o.TimeProvider, FastForward = true, MaxPayloadBytes = 1000 });

        var result = await harness.RunAsync(Definition, "{}");

        Assert.Equal("States.DataLimitExceeded", result.Error);
        Assert.Equal("The state/task 'Big' returned a result with a size exceeding the maximum number of bytes service limit.", result.Cause);
    }

    internal static EngineOptions Copy(EngineOptions o, bool fastForward) => new()
    {
        TimeProvider = o.TimeProvider,
        FastForward = fastForward,
        LambdaInvoker = o.LambdaInvoker,
        NewGuid = o.NewGuid,
        NextRandom = o.NextRandom,
        AccountId = o.AccountId,
    };

    /// <summary>Answers each call only after yielding, so the task state waits for every outcome.</summary>
    private sealed class LaterInvoker(Func<LambdaInvocation, LambdaOutcome> function) : ILambdaInvoker
    {
        public async ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return function(invocation);
        }
    }
}
