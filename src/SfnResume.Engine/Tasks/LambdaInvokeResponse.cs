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
    public static JsonObject Create(JsonNode? payload, string requestId, string traceId, DateTimeOffset date, string executedVersion = "$LATEST")
    {
        var length = Encoding.UTF8.GetByteCount(payload?.ToJsonString() ?? "null").ToString(CultureInfo.InvariantCulture);
        var httpDate = date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        return new JsonObject
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
    }
}
