using SfnResume.Api.Contracts;

namespace SfnResume.Api;

/// <summary>
/// The Step Functions operations sfn-resume uses, one method per operation with AWS's request and response
/// shapes. Implemented by the embedded engine (local state), the AWS client, and served over HTTP by the local
/// server, so the commands work the same against any of them. Failures are <see cref="SfnServiceException"/>s
/// carrying AWS's error type and message.
/// </summary>
public interface IStepFunctionsApi
{
    Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken ct);

    Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken ct);

    Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken ct);

    Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken ct);

    Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken ct);

    Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken ct);

    Task<StartSyncExecutionResponse> StartSyncExecutionAsync(StartSyncExecutionRequest request, CancellationToken ct);

    Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken ct);

    Task<DescribeStateMachineForExecutionResponse> DescribeStateMachineForExecutionAsync(
        DescribeStateMachineForExecutionRequest request, CancellationToken ct);

    Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken ct);

    Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken ct);

    Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken ct);

    Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken ct);

    Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(
        ValidateStateMachineDefinitionRequest request, CancellationToken ct);

    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken ct);

    Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken ct);

    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken ct);
}
