using System.Text.Json;
using SfnResume.Core.History;

namespace SfnResume.Core.Tests.History;

public sealed class HistoryEventTypesTests
{
    /// <summary>Every HistoryEventType and the details member it carries (history-events.md section 2).</summary>
    public static TheoryData<string, string?> AllTypes => new()
    {
        { "ActivityFailed", "activityFailedEventDetails" },
        { "ActivityScheduled", "activityScheduledEventDetails" },
        { "ActivityScheduleFailed", "activityScheduleFailedEventDetails" },
        { "ActivityStarted", "activityStartedEventDetails" },
        { "ActivitySucceeded", "activitySucceededEventDetails" },
        { "ActivityTimedOut", "activityTimedOutEventDetails" },
        { "ChoiceStateEntered", "stateEnteredEventDetails" },
        { "ChoiceStateExited", "stateExitedEventDetails" },
        { "ExecutionAborted", "executionAbortedEventDetails" },
        { "ExecutionFailed", "executionFailedEventDetails" },
        { "ExecutionStarted", "executionStartedEventDetails" },
        { "ExecutionSucceeded", "executionSucceededEventDetails" },
        { "ExecutionTimedOut", "executionTimedOutEventDetails" },
        { "FailStateEntered", "stateEnteredEventDetails" },
        { "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails" },
        { "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails" },
        { "LambdaFunctionScheduleFailed", "lambdaFunctionScheduleFailedEventDetails" },
        { "LambdaFunctionStarted", null },
        { "LambdaFunctionStartFailed", "lambdaFunctionStartFailedEventDetails" },
        { "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails" },
        { "LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails" },
        { "MapIterationAborted", "mapIterationAbortedEventDetails" },
        { "MapIterationFailed", "mapIterationFailedEventDetails" },
        { "MapIterationStarted", "mapIterationStartedEventDetails" },
        { "MapIterationSucceeded", "mapIterationSucceededEventDetails" },
        { "MapStateAborted", null },
        { "MapStateEntered", "stateEnteredEventDetails" },
        { "MapStateExited", "stateExitedEventDetails" },
        { "MapStateFailed", null },
        { "MapStateStarted", "mapStateStartedEventDetails" },
        { "MapStateSucceeded", null },
        { "ParallelStateAborted", null },
        { "ParallelStateEntered", "stateEnteredEventDetails" },
        { "ParallelStateExited", "stateExitedEventDetails" },
        { "ParallelStateFailed", null },
        { "ParallelStateStarted", null },
        { "ParallelStateSucceeded", null },
        { "PassStateEntered", "stateEnteredEventDetails" },
        { "PassStateExited", "stateExitedEventDetails" },
        { "SucceedStateEntered", "stateEnteredEventDetails" },
        { "SucceedStateExited", "stateExitedEventDetails" },
        { "TaskFailed", "taskFailedEventDetails" },
        { "TaskScheduled", "taskScheduledEventDetails" },
        { "TaskStarted", "taskStartedEventDetails" },
        { "TaskStartFailed", "taskStartFailedEventDetails" },
        { "TaskStateAborted", null },
        { "TaskStateEntered", "stateEnteredEventDetails" },
        { "TaskStateExited", "stateExitedEventDetails" },
        { "TaskSubmitFailed", "taskSubmitFailedEventDetails" },
        { "TaskSubmitted", "taskSubmittedEventDetails" },
        { "TaskSucceeded", "taskSucceededEventDetails" },
        { "TaskTimedOut", "taskTimedOutEventDetails" },
        { "WaitStateAborted", null },
        { "WaitStateEntered", "stateEnteredEventDetails" },
        { "WaitStateExited", "stateExitedEventDetails" },
        { "MapRunAborted", null },
        { "MapRunFailed", "mapRunFailedEventDetails" },
        { "MapRunStarted", "mapRunStartedEventDetails" },
        { "MapRunSucceeded", null },
        { "ExecutionRedriven", "executionRedrivenEventDetails" },
        { "MapRunRedriven", "mapRunRedrivenEventDetails" },
        { "EvaluationFailed", "evaluationFailedEventDetails" },
    };

    /// <summary>A details object holding every member any details shape has; each shape reads the ones it knows.</summary>
    private const string AllMembers =
        """
        {"name":"S","input":"{\"a\":1}","inputDetails":{"truncated":false},"output":"{\"b\":2}","outputDetails":{"truncated":true},
         "error":"E","cause":"C","resourceType":"lambda","resource":"invoke","region":"us-east-1","parameters":"{\"p\":3}",
         "timeoutInSeconds":30,"heartbeatInSeconds":10,"taskCredentials":{"roleArn":"arn:aws:iam::1:role/T"},
         "roleArn":"arn:aws:iam::1:role/R","stateMachineAliasArn":"arn:a","stateMachineVersionArn":"arn:v",
         "assignedVariables":{"x":"1","y":"\"z\""},"assignedVariablesDetails":{"truncated":false},"redriveCount":2,
         "length":4,"index":5,"mapRunArn":"arn:m","workerName":"w","location":"Output","state":"S"}
        """;

    [Fact]
    public void AllTypes_CoverTheWholeEnum()
    {
        var listed = AllTypes.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(62, listed.Count);
        Assert.Equal(Enum.GetNames<HistoryEventType>().Where(n => n != "Unknown").Order(), listed.Order());
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Parse_EachType_ReadsItsDetailsMember(string type, string? member)
    {
        var details = member is null ? "" : $",\"{member}\":{AllMembers}";
        var json = $"{{\"events\":[{{\"timestamp\":1717236000.5,\"type\":\"{type}\",\"id\":1,\"previousEventId\":0{details}}}]}}";

        var e = ExecutionHistory.Parse(json)[1];

        Assert.Equal(type, e.Type.ToString());
        Assert.Equal(type, e.TypeName);
        Assert.Equal(member, e.DetailsMemberName);
        if (member is null)
        {
            Assert.Null(e.Details);
            return;
        }

        AssertReadValues(e.Details!);
        var property = typeof(HistoryEvent).GetProperty(char.ToUpperInvariant(member[0]) + member[1..])!;
        Assert.Same(e.Details, property.GetValue(e));
        Assert.Equal(json, ExecutionHistory.Parse(json).ToJson());
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Write_EachTypeBuiltInCode_HasTheAwsShape(string type, string? member)
    {
        var read = ExecutionHistory.Parse(
            $"{{\"events\":[{{\"timestamp\":1,\"type\":\"{type}\",\"id\":1,\"previousEventId\":0{(member is null ? "" : $",\"{member}\":{AllMembers}")}}}]}}")[1];
        var built = new HistoryEvent
        {
            Id = 1,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1717236000120),
            Type = Enum.Parse<HistoryEventType>(type),
        };
        if (member is not null)
        {
            var property = typeof(HistoryEvent).GetProperty(char.ToUpperInvariant(member[0]) + member[1..])!;
            built = built with { };
            property.SetValue(built, CopyOf(read.Details!));
        }

        var json = ExecutionHistory.FromEvents([built]).ToJson();

        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement.GetProperty("events")[0];
        string[] expected = member is null
            ? ["timestamp", "type", "id", "previousEventId"]
            : ["timestamp", "type", "id", "previousEventId", member];
        Assert.Equal(expected, e.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1717236000.12", e.GetProperty("timestamp").GetRawText());
        Assert.Equal(type, e.GetProperty("type").GetString());
        var again = ExecutionHistory.Parse(json)[1];
        Assert.Equal(built with { }, again with { });
    }

    [Fact]
    public void SetTwoDetailsMembers_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new HistoryEvent
        {
            Id = 1,
            Timestamp = DateTimeOffset.UnixEpoch,
            Type = HistoryEventType.TaskFailed,
            TaskFailedEventDetails = new TaskFailureEventDetails { Error = "E" },
            ExecutionFailedEventDetails = new ErrorEventDetails { Error = "E" },
        });
    }

    [Fact]
    public void JsonSerializer_WritesAndReadsTheAwsShape()
    {
        var e = new HistoryEvent
        {
            Id = 2,
            PreviousEventId = 0,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1717236000123),
            Type = HistoryEventType.PassStateEntered,
            StateEnteredEventDetails = new StateEnteredEventDetails
            {
                Name = "Init",
                Input = "{\"a\":\"<b>\"}",
                InputDetails = new HistoryEventExecutionDataDetails(false),
            },
        };

        var json = JsonSerializer.Serialize(e);

        HistoryTestData.AssertSameJson(
            """{"timestamp":1717236000.123,"type":"PassStateEntered","id":2,"previousEventId":0,"stateEnteredEventDetails":{"name":"Init","input":"{\"a\":\"<b>\"}","inputDetails":{"truncated":false}}}""",
            json);
        Assert.Equal(e, JsonSerializer.Deserialize<HistoryEvent>(json)! with { });
    }

    private static HistoryEventDetails CopyOf(HistoryEventDetails details) => details switch
    {
        // Rebuild from public members only, as the engine does: no raw JSON behind the strings.
        StateEnteredEventDetails d => new StateEnteredEventDetails { Name = d.Name, Input = d.Input, InputDetails = d.InputDetails },
        _ => details with { },
    };

    private static void AssertReadValues(HistoryEventDetails details)
    {
        switch (details)
        {
            case ExecutionStartedEventDetails d:
                Assert.Equal(("{\"a\":1}", false, "arn:aws:iam::1:role/R", "arn:a", "arn:v"),
                    (d.Input, d.InputDetails!.Truncated, d.RoleArn, d.StateMachineAliasArn, d.StateMachineVersionArn));
                break;
            case OutputEventDetails d:
                Assert.Equal(("{\"b\":2}", true), (d.Output, d.OutputDetails!.Truncated));
                break;
            case ErrorEventDetails d:
                Assert.Equal(("E", "C"), (d.Error, d.Cause));
                break;
            case ExecutionRedrivenEventDetails d:
                Assert.Equal(2, d.RedriveCount);
                break;
            case StateEnteredEventDetails d:
                Assert.Equal(("S", "{\"a\":1}", false), (d.Name, d.Input, d.InputDetails!.Truncated));
                break;
            case StateExitedEventDetails d:
                Assert.Equal(("S", "{\"b\":2}", true), (d.Name, d.Output, d.OutputDetails!.Truncated));
                Assert.Equal(["x", "y"], d.AssignedVariables!.Keys);
                Assert.Equal("\"z\"", d.AssignedVariables["y"]);
                Assert.False(d.AssignedVariablesDetails!.Truncated);
                break;
            case TaskScheduledEventDetails d:
                Assert.Equal(("lambda", "invoke", "us-east-1", "{\"p\":3}", 30L, 10L, "arn:aws:iam::1:role/T"),
                    (d.ResourceType, d.Resource, d.Region, d.Parameters, d.TimeoutInSeconds, d.HeartbeatInSeconds, d.TaskCredentials!.RoleArn));
                break;
            case TaskStartedEventDetails d:
                Assert.Equal(("lambda", "invoke"), (d.ResourceType, d.Resource));
                break;
            case TaskFailureEventDetails d:
                Assert.Equal(("lambda", "invoke", "E", "C"), (d.ResourceType, d.Resource, d.Error, d.Cause));
                break;
            case TaskOutputEventDetails d:
                Assert.Equal(("lambda", "invoke", "{\"b\":2}", true), (d.ResourceType, d.Resource, d.Output, d.OutputDetails!.Truncated));
                break;
            case LambdaFunctionScheduledEventDetails d:
                Assert.Equal(("invoke", "{\"a\":1}", 30L, "arn:aws:iam::1:role/T"), (d.Resource, d.Input, d.TimeoutInSeconds, d.TaskCredentials!.RoleArn));
                break;
            case ActivityScheduledEventDetails d:
                Assert.Equal(("invoke", "{\"a\":1}", 30L, 10L), (d.Resource, d.Input, d.TimeoutInSeconds, d.HeartbeatInSeconds));
                break;
            case ActivityStartedEventDetails d:
                Assert.Equal("w", d.WorkerName);
                break;
            case MapStateStartedEventDetails d:
                Assert.Equal(4, d.Length);
                break;
            case MapIterationEventDetails d:
                Assert.Equal(("S", 5), (d.Name, d.Index));
                break;
            case MapRunStartedEventDetails d:
                Assert.Equal("arn:m", d.MapRunArn);
                break;
            case MapRunRedrivenEventDetails d:
                Assert.Equal(("arn:m", 2), (d.MapRunArn, d.RedriveCount));
                break;
            case EvaluationFailedEventDetails d:
                Assert.Equal(("E", "C", "Output", "S"), (d.Error, d.Cause, d.Location, d.State));
                break;
            default:
                Assert.Fail("unexpected details record " + details.GetType().Name);
                break;
        }
    }
}
