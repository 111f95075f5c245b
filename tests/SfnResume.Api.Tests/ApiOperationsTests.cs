using System.Text;
using System.Text.Json;
using SfnResume.Api.Contracts;

namespace SfnResume.Api.Tests;

public sealed class ApiOperationsTests
{
    private static readonly DateTimeOffset s_date = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public async Task InvokeAsync_StartExecution_ReadsRequestAndWritesResponse()
    {
        var api = new RecordingApi();

        var body = await ApiOperations.InvokeAsync(api, "StartExecution",
            """{"stateMachineArn":"arn:aws:states:us-east-1:1:stateMachine:m","name":"e","input":"{}"}"""u8.ToArray(), CancellationToken.None);

        Assert.Equal("""{"executionArn":"arn:aws:states:us-east-1:1:execution:m:e","startDate":1700000000.123}""", Encoding.UTF8.GetString(body));
        Assert.Equal(("arn:aws:states:us-east-1:1:stateMachine:m", "e", "{}"), (api.Started!.StateMachineArn, api.Started.Name, api.Started.Input));
    }

    [Fact]
    public async Task InvokeAsync_EmptyBody_IsAnEmptyRequest()
    {
        var body = await ApiOperations.InvokeAsync(new RecordingApi(), "ListStateMachines", ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("""{"stateMachines":[]}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task InvokeAsync_WrongJsonType_SerializationException()
    {
        var ex = await Assert.ThrowsAsync<SfnServiceException>(() =>
            ApiOperations.InvokeAsync(new RecordingApi(), "StartExecution", """{"stateMachineArn":5}"""u8.ToArray(), CancellationToken.None));

        Assert.Equal("SerializationException", ex.ErrorType);
        Assert.Contains("$.stateMachineArn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationFromTarget_KnownAndUnknown()
    {
        Assert.Equal("DescribeExecution", ApiOperations.OperationFromTarget("AWSStepFunctions.DescribeExecution"));
        Assert.Equal(17, ApiOperations.Names.Count());
        var ex = Assert.Throws<SfnServiceException>(() => ApiOperations.OperationFromTarget("AWSStepFunctions.Nope"));
        Assert.Equal("UnknownOperationException", ex.ErrorType);
        Assert.Equal("UnknownOperationException", Assert.Throws<SfnServiceException>(() => ApiOperations.OperationFromTarget(null)).ErrorType);
    }

    [Fact]
    public void WriteError_AwsShape()
    {
        var body = ApiOperations.WriteError(SfnServiceException.ExecutionDoesNotExist("arn:x"));

        Assert.Equal("""{"__type":"com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist","message":"Execution Does Not Exist: 'arn:x'"}""",
            Encoding.UTF8.GetString(body));
        using var parsed = JsonDocument.Parse(ApiOperations.WriteError(SfnServiceException.ResourceNotFound("arn:y")));
        Assert.Equal("arn:y", parsed.RootElement.GetProperty("resourceName").GetString());
    }

    /// <summary>Answers StartExecution and ListStateMachines; any other call is a test failure.</summary>
    private sealed class RecordingApi : IStepFunctionsApi
    {
        public StartExecutionRequest? Started { get; private set; }

        public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken ct)
        {
            Started = request;
            return Task.FromResult(new StartExecutionResponse
            {
                ExecutionArn = Arns.ExecutionOf(Arns.Parse(request.StateMachineArn!), request.Name!),
                StartDate = s_date,
            });
        }

        public Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken ct) =>
            Task.FromResult(new ListStateMachinesResponse { StateMachines = [] });

        public Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken ct) => Unexpected<CreateStateMachineResponse>();

        public Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken ct) => Unexpected<DescribeStateMachineResponse>();

        public Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken ct) => Unexpected<UpdateStateMachineResponse>();

        public Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken ct) => Unexpected<DeleteStateMachineResponse>();

        public Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken ct) => Unexpected<StartSyncExecutionResponse>();

        public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken ct) => Unexpected<DescribeExecutionResponse>();

        public Task<DescribeStateMachineForExecutionResponse> DescribeStateMachineForExecutionAsync(DescribeStateMachineForExecutionRequest request, CancellationToken ct) =>
            Unexpected<DescribeStateMachineForExecutionResponse>();

        public Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken ct) => Unexpected<StopExecutionResponse>();

        public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken ct) => Unexpected<ListExecutionsResponse>();

        public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken ct) => Unexpected<GetExecutionHistoryResponse>();

        public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken ct) => Unexpected<RedriveExecutionResponse>();

        public Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(ValidateStateMachineDefinitionRequest request, CancellationToken ct) =>
            Unexpected<ValidateStateMachineDefinitionResponse>();

        public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct) => Unexpected<TagResourceResponse>();

        public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken ct) => Unexpected<UntagResourceResponse>();

        public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct) => Unexpected<ListTagsForResourceResponse>();

        private static Task<T> Unexpected<T>() => Task.FromException<T>(new InvalidOperationException("not called by these tests"));
    }
}
