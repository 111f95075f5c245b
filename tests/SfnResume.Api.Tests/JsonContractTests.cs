using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;
using SfnResume.Testing;

namespace SfnResume.Api.Tests;

public sealed class JsonContractTests
{
    private static readonly DateTimeOffset s_date = DateTimeOffset.FromUnixTimeMilliseconds(1_686_509_515_191);

    public static TheoryData<string> RecordedRequestIds() =>
    [
        .. ApiCorpus.All.Where(c => RequestTypes.ContainsKey(c.Operation) && !c.Request.ToJsonString().Contains("{{", StringComparison.Ordinal))
            .Select(c => c.Id),
    ];

    private static readonly Dictionary<string, Func<JsonObject, string>> RequestTypes = new(StringComparer.Ordinal)
    {
        ["CreateStateMachine"] = r => RoundTrip(r, ApiJsonContext.Default.CreateStateMachineRequest),
        ["DescribeStateMachine"] = r => RoundTrip(r, ApiJsonContext.Default.DescribeStateMachineRequest),
        ["UpdateStateMachine"] = r => RoundTrip(r, ApiJsonContext.Default.UpdateStateMachineRequest),
        ["DeleteStateMachine"] = r => RoundTrip(r, ApiJsonContext.Default.DeleteStateMachineRequest),
        ["ListStateMachines"] = r => RoundTrip(r, ApiJsonContext.Default.ListStateMachinesRequest),
        ["StartExecution"] = r => RoundTrip(r, ApiJsonContext.Default.StartExecutionRequest),
        ["StartSyncExecution"] = r => RoundTrip(r, ApiJsonContext.Default.StartSyncExecutionRequest),
        ["DescribeExecution"] = r => RoundTrip(r, ApiJsonContext.Default.DescribeExecutionRequest),
        ["DescribeStateMachineForExecution"] = r => RoundTrip(r, ApiJsonContext.Default.DescribeStateMachineForExecutionRequest),
        ["StopExecution"] = r => RoundTrip(r, ApiJsonContext.Default.StopExecutionRequest),
        ["ListExecutions"] = r => RoundTrip(r, ApiJsonContext.Default.ListExecutionsRequest),
        ["GetExecutionHistory"] = r => RoundTrip(r, ApiJsonContext.Default.GetExecutionHistoryRequest),
        ["RedriveExecution"] = r => RoundTrip(r, ApiJsonContext.Default.RedriveExecutionRequest),
        ["ValidateStateMachineDefinition"] = r => RoundTrip(r, ApiJsonContext.Default.ValidateStateMachineDefinitionRequest),
        ["TagResource"] = r => RoundTrip(r, ApiJsonContext.Default.TagResourceRequest),
        ["UntagResource"] = r => RoundTrip(r, ApiJsonContext.Default.UntagResourceRequest),
        ["ListTagsForResource"] = r => RoundTrip(r, ApiJsonContext.Default.ListTagsForResourceRequest),
    };

    /// <summary>Every recorded request reads into its record and writes back with the same members and values.</summary>
    [Theory]
    [MemberData(nameof(RecordedRequestIds))]
    public void Request_RecordedOnTheWire_RoundTripsWithAwsMemberNames(string id)
    {
        var @case = ApiCorpus.All.Single(c => c.Id == id);
        var written = RequestTypes[@case.Operation](@case.Request);

        using var expected = JsonDocument.Parse(@case.Request.ToJsonString());
        using var actual = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), $"{@case.Request.ToJsonString()}\n{written}");
    }

    [Fact]
    public void Responses_WriteAwsMemberNamesAndEpochSeconds()
    {
        var describe = new DescribeExecutionResponse
        {
            ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:m:e",
            StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:m",
            Name = "e",
            Status = ExecutionStatuses.Succeeded,
            StartDate = s_date,
            StopDate = s_date.AddSeconds(1),
            Input = "{}",
            InputDetails = new CloudWatchEventsExecutionDataDetails { Included = true },
            Output = "{}",
            RedriveCount = 0,
            RedriveStatus = RedriveStatus.NotRedrivable,
            RedriveStatusReason = "Execution is SUCCEEDED and cannot be redriven",
        };

        var json = JsonSerializer.Serialize(describe, ApiJsonContext.Default.DescribeExecutionResponse);

        Assert.Equal(
            """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:m:e","stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m","name":"e","status":"SUCCEEDED","startDate":1686509515.191,"stopDate":1686509516.191,"input":"{}","inputDetails":{"included":true},"output":"{}","redriveCount":0,"redriveStatus":"NOT_REDRIVABLE","redriveStatusReason":"Execution is SUCCEEDED and cannot be redriven"}""",
            json);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, ApiJsonContext.Default.DescribeExecutionResponse)!,
            ApiJsonContext.Default.DescribeExecutionResponse));
    }

    [Fact]
    public void Responses_EveryShape_RoundTrips()
    {
        var c = ApiJsonContext.Default;
        AssertRoundTrip(new CreateStateMachineResponse { StateMachineArn = "a", CreationDate = s_date, StateMachineVersionArn = "a:1" }, c.CreateStateMachineResponse, "creationDate", "stateMachineVersionArn");
        AssertRoundTrip(new DescribeStateMachineResponse
        {
            StateMachineArn = "a", Name = "n", Status = StateMachineStatus.Active, Definition = "{}", RoleArn = "r",
            Type = StateMachineType.Standard, CreationDate = s_date, LoggingConfiguration = LoggingConfiguration.Default,
            TracingConfiguration = TracingConfiguration.Default, RevisionId = "rev",
            VariableReferences = new Dictionary<string, IReadOnlyList<string>> { ["S"] = ["x"] },
        }, c.DescribeStateMachineResponse, "loggingConfiguration", "includeExecutionData", "tracingConfiguration", "variableReferences", "revisionId");
        AssertRoundTrip(new UpdateStateMachineResponse { UpdateDate = s_date, RevisionId = "r" }, c.UpdateStateMachineResponse, "updateDate");
        AssertRoundTrip(new DeleteStateMachineResponse(), c.DeleteStateMachineResponse);
        AssertRoundTrip(new ListStateMachinesResponse
        {
            StateMachines = [new StateMachineListItem { StateMachineArn = "a", Name = "n", Type = "STANDARD", CreationDate = s_date }],
            NextToken = "t",
        }, c.ListStateMachinesResponse, "stateMachines", "nextToken");
        AssertRoundTrip(new StartExecutionResponse { ExecutionArn = "e", StartDate = s_date }, c.StartExecutionResponse, "executionArn", "startDate");
        AssertRoundTrip(new StartSyncExecutionResponse
        {
            ExecutionArn = "e", StartDate = s_date, StopDate = s_date, Status = SyncExecutionStatus.Failed, Error = "E",
            BillingDetails = new BillingDetails { BilledMemoryUsedInMB = 64, BilledDurationInMilliseconds = 100 },
        }, c.StartSyncExecutionResponse, "billingDetails", "billedMemoryUsedInMB", "billedDurationInMilliseconds");
        AssertRoundTrip(new DescribeStateMachineForExecutionResponse
        {
            StateMachineArn = "a", Name = "n", Definition = "{}", RoleArn = "r", UpdateDate = s_date, MapRunArn = "m",
        }, c.DescribeStateMachineForExecutionResponse, "updateDate", "mapRunArn");
        AssertRoundTrip(new StopExecutionResponse { StopDate = s_date }, c.StopExecutionResponse, "stopDate");
        AssertRoundTrip(new ListExecutionsResponse
        {
            Executions = [new ExecutionListItem { ExecutionArn = "e", StateMachineArn = "a", Name = "n", Status = "RUNNING", StartDate = s_date, RedriveCount = 1, RedriveDate = s_date }],
        }, c.ListExecutionsResponse, "executions", "redriveDate");
        AssertRoundTrip(new RedriveExecutionResponse { RedriveDate = s_date }, c.RedriveExecutionResponse, "redriveDate");
        AssertRoundTrip(new ValidateStateMachineDefinitionResponse
        {
            Result = ValidationResultCode.Fail,
            Diagnostics = [new ValidateStateMachineDefinitionDiagnostic { Severity = "ERROR", Code = "SCHEMA_VALIDATION_FAILED", Message = "m", Location = "/" }],
            Truncated = false,
        }, c.ValidateStateMachineDefinitionResponse, "diagnostics", "truncated", "location");
        AssertRoundTrip(new TagResourceResponse(), c.TagResourceResponse);
        AssertRoundTrip(new UntagResourceResponse(), c.UntagResourceResponse);
        AssertRoundTrip(new ListTagsForResourceResponse { Tags = [new Tag { Key = "k", Value = "v" }] }, c.ListTagsForResourceResponse, "tags", "key", "value");
        AssertRoundTrip(new ApiErrorBody { Type = "InvalidArn", Message = "m" }, c.ApiErrorBody, "__type", "message");
    }

    [Theory]
    [InlineData("1686509515.191")]
    [InlineData("1.686509515191E9")]
    [InlineData("\"2023-06-11T18:51:55.191Z\"")]
    [InlineData("\"2023-06-11T20:51:55.191+02:00\"")]
    [InlineData("\"1686509515.191\"")]
    public void Dates_ReadFromNumberOrString_WrittenAsEpochSeconds(string value)
    {
        var response = JsonSerializer.Deserialize($$"""{"stopDate":{{value}}}""", ApiJsonContext.Default.StopExecutionResponse)!;

        Assert.Equal(s_date, response.StopDate);
        Assert.Equal("""{"stopDate":1686509515.191}""", JsonSerializer.Serialize(response, ApiJsonContext.Default.StopExecutionResponse));
    }

    [Fact]
    public void GetExecutionHistoryResponse_SeedHistory_EventsWrittenWithTheHistoryModel()
    {
        var text = File.ReadAllText(RepoPaths.InShared("seed", "sample_execution_history.json"));

        var response = JsonSerializer.Deserialize(text, ApiJsonContext.Default.GetExecutionHistoryResponse)!;
        var written = JsonSerializer.Serialize(response, ApiJsonContext.Default.GetExecutionHistoryResponse);

        Assert.True(response.Events.Count > 0);
        Assert.Equal(1, response.Events[0].Id);
        using var expected = JsonDocument.Parse(text);
        using var actual = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(expected.RootElement.GetProperty("events"), actual.RootElement.GetProperty("events")));
    }

    private static string RoundTrip<T>(JsonObject request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Serialize(request.Deserialize(info)!, info);

    private static void AssertRoundTrip<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, params string[] members)
    {
        var json = JsonSerializer.Serialize(value, info);
        foreach (var member in members)
        {
            Assert.Contains($"\"{member}\":", json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info));
    }
}
