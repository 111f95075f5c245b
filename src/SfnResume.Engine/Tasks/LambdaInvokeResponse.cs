using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks;

/// <summary>The result of an <c>arn:aws:states:::lambda:invoke</c> Task as AWS records it in <c>TaskSucceeded</c>: the
/// Lambda Invoke response with the AWS Java SDK's metadata (shape from the conformance corpus, e.g.
/// <c>services_test_lambda_task_service ... test_invoke_json_values_0_0</c>).</summary>
public static class LambdaInvokeResponse
{
    /// <param name="payload">The function's result.</param>
    /// <param name="requestId">The Lambda request id (<c>x-amzn-RequestId</c>, <c>SdkResponseMetadata.RequestId</c>).</param>
    /// <param name="traceId">The <c>X-Amzn-Trace-Id</c> header value.</param>
    /// <param name="date">Response time, written as the HTTP <c>Date</c> header.</param>
    /// <param name="executedVersion">The version that ran (<c>$LATEST</c> unless a version was invoked).</param>
    /// <param name="logResult">With <c>LogType: Tail</c>, the base64 log tail (<c>LogResult</c>, header <c>X-Amz-Log-Result</c>).</param>
    public static JsonObject Create(JsonNode? payload, string requestId, string traceId, DateTimeOffset date, string executedVersion = "$LATEST", string? logResult = null)
    {
        var length = Encoding.UTF8.GetByteCount(payload?.ToJsonString() ?? "null").ToString(CultureInfo.InvariantCulture);
        var httpDate = date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        var response = new JsonObject
        {
            ["ExecutedVersion"] = executedVersion,
            ["Payload"] = payload?.DeepClone(),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = new JsonArray(executedVersion),
                    ["x-amzn-Remapped-Content-Length"] = new JsonArray("0"),
                    ["Connection"] = new JsonArray("keep-alive"),
                    ["x-amzn-RequestId"] = new JsonArray(requestId),
                    ["Content-Length"] = new JsonArray(length),
                    ["Date"] = new JsonArray(httpDate),
                    ["X-Amzn-Trace-Id"] = new JsonArray(traceId),
                    ["Content-Type"] = new JsonArray("application/json"),
                },
                // The SDK keeps these in a case-insensitive sorted map.
                ["HttpHeaders"] = new JsonObject
                {
                    ["Connection"] = "keep-alive",
                    ["Content-Length"] = length,
                    ["Content-Type"] = "application/json",
                    ["Date"] = httpDate,
                    ["X-Amz-Executed-Version"] = executedVersion,
                    ["x-amzn-Remapped-Content-Length"] = "0",
                    ["x-amzn-RequestId"] = requestId,
                    ["X-Amzn-Trace-Id"] = traceId,
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
            ["StatusCode"] = 200,
        };
        if (logResult is not null)
        {
            // Recorded (test_invoke_unsupported_param): LogResult after ExecutedVersion, the header first among all
            // headers and in its sorted place among the SDK's case-insensitive ones.
            response.Insert(1, "LogResult", logResult);
            var metadata = response["SdkHttpMetadata"]!;
            metadata["AllHttpHeaders"]!.AsObject().Insert(0, "X-Amz-Log-Result", new JsonArray(logResult));
            metadata["HttpHeaders"]!.AsObject().Insert(5, "X-Amz-Log-Result", logResult);
        }

        return response;
    }

    /// <summary>
    /// The last lines Lambda writes for an invocation, base64-encoded as <c>LogType: Tail</c> returns them. A local
    /// handler's console output and timings are not captured, so the tail holds only the runtime's START and END lines.
    /// </summary>
    public static string LogTail(string requestId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"START RequestId: {requestId} Version: $LATEST\nEND RequestId: {requestId}\n"));
}
