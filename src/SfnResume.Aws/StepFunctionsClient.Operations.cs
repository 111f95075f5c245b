using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;
using SfnResume.Core.History;

namespace SfnResume.Aws;

/// <summary>The operations of <see cref="IStepFunctionsApi"/>, each one request and one JSON answer.</summary>
public sealed partial class StepFunctionsClient : IStepFunctionsApi
{
    public Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken ct) =>
        CallAsync("CreateStateMachine", request, ApiJsonContext.Default.CreateStateMachineRequest, ApiJsonContext.Default.CreateStateMachineResponse, ct);

    public Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken ct) =>
        CallAsync("DescribeStateMachine", request, ApiJsonContext.Default.DescribeStateMachineRequest, ApiJsonContext.Default.DescribeStateMachineResponse, ct);

    public Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken ct) =>
        CallAsync("UpdateStateMachine", request, ApiJsonContext.Default.UpdateStateMachineRequest, ApiJsonContext.Default.UpdateStateMachineResponse, ct);

    public Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken ct) =>
        CallAsync("DeleteStateMachine", request, ApiJsonContext.Default.DeleteStateMachineRequest, ApiJsonContext.Default.DeleteStateMachineResponse, ct);

    public Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken ct) =>
        CallAsync("ListStateMachines", request, ApiJsonContext.Default.ListStateMachinesRequest, ApiJsonContext.Default.ListStateMachinesResponse, ct);

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken ct) =>
        CallAsync("StartExecution", request, ApiJsonContext.Default.StartExecutionRequest, ApiJsonContext.Default.StartExecutionResponse, ct);

    public Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken ct) =>
        CallAsync("StartSyncExecution", request, ApiJsonContext.Default.StartSyncExecutionRequest, ApiJsonContext.Default.StartSyncExecutionResponse, ct);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken ct) =>
        CallAsync("DescribeExecution", request, ApiJsonContext.Default.DescribeExecutionRequest, ApiJsonContext.Default.DescribeExecutionResponse, ct);

    public Task<DescribeStateMachineForExecutionResponse> DescribeStateMachineForExecutionAsync(DescribeStateMachineForExecutionRequest request, CancellationToken ct) =>
        CallAsync("DescribeStateMachineForExecution", request, ApiJsonContext.Default.DescribeStateMachineForExecutionRequest, ApiJsonContext.Default.DescribeStateMachineForExecutionResponse, ct);

    public Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken ct) =>
        CallAsync("StopExecution", request, ApiJsonContext.Default.StopExecutionRequest, ApiJsonContext.Default.StopExecutionResponse, ct);

    public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken ct) =>
        CallAsync("ListExecutions", request, ApiJsonContext.Default.ListExecutionsRequest, ApiJsonContext.Default.ListExecutionsResponse, ct);

    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken ct) =>
        CallAsync("GetExecutionHistory", request, ApiJsonContext.Default.GetExecutionHistoryRequest, ApiJsonContext.Default.GetExecutionHistoryResponse, ct);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken ct) =>
        CallAsync("RedriveExecution", request, ApiJsonContext.Default.RedriveExecutionRequest, ApiJsonContext.Default.RedriveExecutionResponse, ct);

    public Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(ValidateStateMachineDefinitionRequest request, CancellationToken ct) =>
        CallAsync("ValidateStateMachineDefinition", request, ApiJsonContext.Default.ValidateStateMachineDefinitionRequest, ApiJsonContext.Default.ValidateStateMachineDefinitionResponse, ct);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct) =>
        CallAsync("TagResource", request, ApiJsonContext.Default.TagResourceRequest, ApiJsonContext.Default.TagResourceResponse, ct);

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken ct) =>
        CallAsync("UntagResource", request, ApiJsonContext.Default.UntagResourceRequest, ApiJsonContext.Default.UntagResourceResponse, ct);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct) =>
        CallAsync("ListTagsForResource", request, ApiJsonContext.Default.ListTagsForResourceRequest, ApiJsonContext.Default.ListTagsForResourceResponse, ct);

    /// <summary>Every event of an execution's history, following <c>nextToken</c> page by page.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetExecutionHistoryAllPagesAsync(GetExecutionHistoryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = new List<HistoryEvent>();
        await foreach (var page in PagesAsync(request, (r, token) => r with { NextToken = token }, GetExecutionHistoryAsync, p => p.NextToken, ct)
                           .ConfigureAwait(false))
        {
            events.AddRange(page.Events);
        }

        return events;
    }

    /// <summary>Every execution ListExecutions returns, following <c>nextToken</c>.</summary>
    public async Task<IReadOnlyList<ExecutionListItem>> ListExecutionsAllPagesAsync(ListExecutionsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var executions = new List<ExecutionListItem>();
        await foreach (var page in PagesAsync(request, (r, token) => r with { NextToken = token }, ListExecutionsAsync, p => p.NextToken, ct)
                           .ConfigureAwait(false))
        {
            executions.AddRange(page.Executions);
        }

        return executions;
    }

    /// <summary>
    /// The pages of a paginated operation: calls it with <paramref name="request"/>, then again with each
    /// <c>nextToken</c> it answers until it answers none.
    /// </summary>
    public static async IAsyncEnumerable<TResponse> PagesAsync<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, string?, TRequest> withToken,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(withToken);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(nextToken);
        var current = request;
        while (true)
        {
            var page = await call(current, ct).ConfigureAwait(false);
            yield return page;
            if (nextToken(page) is not { Length: > 0 } token)
            {
                yield break;
            }

            current = withToken(current, token);
        }
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request,
        JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = ApiOperations.Write(request, requestInfo);
        var answer = await SendAsync(operation, body, ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(answer, responseInfo)
                ?? throw new SfnServiceException("SerializationException", $"{operation} answered null.", 500);
        }
        catch (JsonException ex)
        {
            throw new SfnServiceException("SerializationException", $"{operation} answered JSON of an unexpected shape: {ex.Message}", 500);
        }
    }
}
