using System.Text.Json.Serialization;
using SfnResume.Api.Contracts;

namespace SfnResume.Api.Json;

/// <summary>
/// Source-generated metadata for every request and response: lower camelCase member names as on the wire,
/// absent members left out, timestamps as epoch seconds (<see cref="EpochSecondsConverter"/>). History events
/// go through the history model's own converter, which writes them in AWS's shape.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(CreateStateMachineRequest))]
[JsonSerializable(typeof(CreateStateMachineResponse))]
[JsonSerializable(typeof(DescribeStateMachineRequest))]
[JsonSerializable(typeof(DescribeStateMachineResponse))]
[JsonSerializable(typeof(UpdateStateMachineRequest))]
[JsonSerializable(typeof(UpdateStateMachineResponse))]
[JsonSerializable(typeof(DeleteStateMachineRequest))]
[JsonSerializable(typeof(DeleteStateMachineResponse))]
[JsonSerializable(typeof(ListStateMachinesRequest))]
[JsonSerializable(typeof(ListStateMachinesResponse))]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(StartSyncExecutionRequest))]
[JsonSerializable(typeof(StartSyncExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(DescribeStateMachineForExecutionRequest))]
[JsonSerializable(typeof(DescribeStateMachineForExecutionResponse))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(StopExecutionResponse))]
[JsonSerializable(typeof(ListExecutionsRequest))]
[JsonSerializable(typeof(ListExecutionsResponse))]
[JsonSerializable(typeof(GetExecutionHistoryRequest))]
[JsonSerializable(typeof(GetExecutionHistoryResponse))]
[JsonSerializable(typeof(RedriveExecutionRequest))]
[JsonSerializable(typeof(RedriveExecutionResponse))]
[JsonSerializable(typeof(ValidateStateMachineDefinitionRequest))]
[JsonSerializable(typeof(ValidateStateMachineDefinitionResponse))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(UntagResourceRequest))]
[JsonSerializable(typeof(UntagResourceResponse))]
[JsonSerializable(typeof(ListTagsForResourceRequest))]
[JsonSerializable(typeof(ListTagsForResourceResponse))]
[JsonSerializable(typeof(LoggingConfiguration))]
[JsonSerializable(typeof(TracingConfiguration))]
[JsonSerializable(typeof(EncryptionConfiguration))]
[JsonSerializable(typeof(IReadOnlyList<Tag>))]
[JsonSerializable(typeof(ApiErrorBody))]
public sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>The body of an error response: <c>{"__type": ..., "message": ...}</c>.</summary>
public sealed record ApiErrorBody
{
    [JsonPropertyName("__type")]
    public required string Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>ValidationException's <c>reason</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>ResourceNotFound's and TooManyTags' <c>resourceName</c>.</summary>
    [JsonPropertyName("resourceName")]
    public string? ResourceName { get; init; }
}
