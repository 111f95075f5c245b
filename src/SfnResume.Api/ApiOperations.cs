using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;

namespace SfnResume.Api;

/// <summary>
/// The operations by wire name (<c>X-Amz-Target: AWSStepFunctions.StartExecution</c>): read the JSON body into the
/// request record, call <see cref="IStepFunctionsApi"/>, write the response. The HTTP server is this plus framing.
/// Requests are not validated here: each implementation validates what it receives (RequestValidator).
/// </summary>
public static class ApiOperations
{
    /// <summary>The <c>X-Amz-Target</c> prefix of Step Functions.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private delegate Task<byte[]> Invoker(IStepFunctionsApi api, ReadOnlyMemory<byte> body, CancellationToken ct);

    private static readonly FrozenDictionary<string, Invoker> s_operations = new Dictionary<string, Invoker>(StringComparer.Ordinal)
    {
        ["CreateStateMachine"] = Op(ApiJsonContext.Default.CreateStateMachineRequest, ApiJsonContext.Default.CreateStateMachineResponse, (a, r, c) => a.CreateStateMachineAsync(r, c)),
        ["DescribeStateMachine"] = Op(ApiJsonContext.Default.DescribeStateMachineRequest, ApiJsonContext.Default.DescribeStateMachineResponse, (a, r, c) => a.DescribeStateMachineAsync(r, c)),
        ["UpdateStateMachine"] = Op(ApiJsonContext.Default.UpdateStateMachineRequest, ApiJsonContext.Default.UpdateStateMachineResponse, (a, r, c) => a.UpdateStateMachineAsync(r, c)),
        ["DeleteStateMachine"] = Op(ApiJsonContext.Default.DeleteStateMachineRequest, ApiJsonContext.Default.DeleteStateMachineResponse, (a, r, c) => a.DeleteStateMachineAsync(r, c)),
        ["ListStateMachines"] = Op(ApiJsonContext.Default.ListStateMachinesRequest, ApiJsonContext.Default.ListStateMachinesResponse, (a, r, c) => a.ListStateMachinesAsync(r, c)),
        ["StartExecution"] = Op(ApiJsonContext.Default.StartExecutionRequest, ApiJsonContext.Default.StartExecutionResponse, (a, r, c) => a.StartExecutionAsync(r, c)),
        ["StartSyncExecution"] = Op(ApiJsonContext.Default.StartSyncExecutionRequest, ApiJsonContext.Default.StartSyncExecutionResponse, (a, r, c) => a.StartSyncExecutionAsync(r, c)),
        ["DescribeExecution"] = Op(ApiJsonContext.Default.DescribeExecutionRequest, ApiJsonContext.Default.DescribeExecutionResponse, (a, r, c) => a.DescribeExecutionAsync(r, c)),
        ["DescribeStateMachineForExecution"] = Op(ApiJsonContext.Default.DescribeStateMachineForExecutionRequest, ApiJsonContext.Default.DescribeStateMachineForExecutionResponse, (a, r, c) => a.DescribeStateMachineForExecutionAsync(r, c)),
        ["StopExecution"] = Op(ApiJsonContext.Default.StopExecutionRequest, ApiJsonContext.Default.StopExecutionResponse, (a, r, c) => a.StopExecutionAsync(r, c)),
        ["ListExecutions"] = Op(ApiJsonContext.Default.ListExecutionsRequest, ApiJsonContext.Default.ListExecutionsResponse, (a, r, c) => a.ListExecutionsAsync(r, c)),
        ["GetExecutionHistory"] = Op(ApiJsonContext.Default.GetExecutionHistoryRequest, ApiJsonContext.Default.GetExecutionHistoryResponse, (a, r, c) => a.GetExecutionHistoryAsync(r, c)),
        ["RedriveExecution"] = Op(ApiJsonContext.Default.RedriveExecutionRequest, ApiJsonContext.Default.RedriveExecutionResponse, (a, r, c) => a.RedriveExecutionAsync(r, c)),
        ["ValidateStateMachineDefinition"] = Op(ApiJsonContext.Default.ValidateStateMachineDefinitionRequest, ApiJsonContext.Default.ValidateStateMachineDefinitionResponse, (a, r, c) => a.ValidateStateMachineDefinitionAsync(r, c)),
        ["TagResource"] = Op(ApiJsonContext.Default.TagResourceRequest, ApiJsonContext.Default.TagResourceResponse, (a, r, c) => a.TagResourceAsync(r, c)),
        ["UntagResource"] = Op(ApiJsonContext.Default.UntagResourceRequest, ApiJsonContext.Default.UntagResourceResponse, (a, r, c) => a.UntagResourceAsync(r, c)),
        ["ListTagsForResource"] = Op(ApiJsonContext.Default.ListTagsForResourceRequest, ApiJsonContext.Default.ListTagsForResourceResponse, (a, r, c) => a.ListTagsForResourceAsync(r, c)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The operation names served, e.g. <c>StartExecution</c>.</summary>
    public static IEnumerable<string> Names => s_operations.Keys;

    /// <summary>
    /// The operation named by an <c>X-Amz-Target</c> header value, or UnknownOperationException.
    /// </summary>
    public static string OperationFromTarget(string? target)
    {
        if (target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal)
            && s_operations.ContainsKey(target[TargetPrefix.Length..]))
        {
            return target[TargetPrefix.Length..];
        }

        throw SfnServiceException.UnknownOperation(target ?? "(no X-Amz-Target)");
    }

    /// <summary>
    /// Reads <paramref name="body"/> (an empty body counts as <c>{}</c>), calls the operation, returns the response
    /// JSON. A body that does not fit the request shape is SerializationException; the API's own errors pass through.
    /// </summary>
    public static Task<byte[]> InvokeAsync(IStepFunctionsApi api, string operation, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(api);
        return s_operations.TryGetValue(operation, out var invoke)
            ? invoke(api, body, ct)
            : throw SfnServiceException.UnknownOperation(TargetPrefix + operation);
    }

    /// <summary>The error body AWS sends: <c>{"__type": ..., "message": ...}</c> (plus <c>reason</c>/<c>resourceName</c>).</summary>
    public static byte[] WriteError(SfnServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Write(new ApiErrorBody
        {
            Type = error.WireType,
            Message = error.Message,
            Reason = error.Reason,
            ResourceName = error.ResourceName,
        }, ApiJsonContext.Default.ApiErrorBody);
    }

    /// <summary>
    /// JSON as AWS writes it: quotes inside strings as <c>\"</c> and non-ASCII as is, not <c>\u0022</c> (the body is
    /// <c>application/x-amz-json-1.0</c>, never embedded in HTML, so HTML-safe escaping buys nothing).
    /// </summary>
    public static byte[] Write<T>(T value, JsonTypeInfo<T> info)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            JsonSerializer.Serialize(writer, value, info);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Invoker Op<TRequest, TResponse>(JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo,
        Func<IStepFunctionsApi, TRequest, CancellationToken, Task<TResponse>> call) =>
        async (api, body, ct) =>
        {
            var request = Read(body, requestInfo);
            var response = await call(api, request, ct).ConfigureAwait(false);
            return Write(response, responseInfo);
        };

    private static T Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> info)
    {
        var span = body.Span.Trim(" \t\r\n"u8);
        if (span.IsEmpty)
        {
            span = "{}"u8;
        }

        try
        {
            return JsonSerializer.Deserialize(span, info) ?? throw SfnServiceException.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // Keep the reader's position but not its .NET type names.
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw SfnServiceException.Serialization($"The request body could not be read{where}: expected the shape of {typeof(T).Name}.");
        }
    }
}
