using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks.Http;

/// <summary>Calls functions through the Lambda Invoke API as <c>sam local start-lambda</c> and LocalStack serve it:
/// <c>POST {endpoint}/2015-03-31/functions/{FunctionName}/invocations</c>
/// (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).</summary>
/// <remarks>A function error is a 200 response with <c>X-Amz-Function-Error</c> (<c>Handled</c>/<c>Unhandled</c>) and
/// the runtime's error document as body; Step Functions reports its <c>errorType</c> as the error and the body as the
/// cause. Service errors (404 and others) become <c>Lambda.&lt;ErrorCode&gt;</c> with the AWS SDK's message shape.</remarks>
public sealed class HttpLambdaInvoker : ILambdaInvoker
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly TimeProvider _timeProvider;
    private readonly string _region;
    private readonly string _accountId;

    /// <param name="endpoint">Base address, e.g. <c>http://127.0.0.1:3001</c>.</param>
    /// <param name="http">The client to send with (the caller owns it).</param>
    /// <param name="timeProvider">Clock for the Task state's timeout.</param>
    /// <param name="region">Region for ARNs in messages when the resource names none.</param>
    /// <param name="accountId">Account for ARNs in messages when the resource names none.</param>
    public HttpLambdaInvoker(Uri endpoint, HttpClient http, TimeProvider? timeProvider = null, string region = "us-east-1", string accountId = "123456789012")
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _http = http;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _region = region;
        _accountId = accountId;
    }

    public Uri Endpoint => _endpoint;

    public async ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var function = invocation.Function;
        var path = "2015-03-31/functions/" + Uri.EscapeDataString(function.Name) + "/invocations"
            + (function.Qualifier is null ? "" : "?Qualifier=" + Uri.EscapeDataString(function.Qualifier));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, path));
        request.Headers.Add("X-Amz-Invocation-Type", "RequestResponse");
        request.Content = new StringContent(invocation.Payload?.ToJsonString() ?? "null", Encoding.UTF8);
        request.Content.Headers.ContentType = s_json;

        using var timeout = invocation.StateTimeout is { } t ? new CancellationTokenSource(t, _timeProvider) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked?.Token ?? cancellationToken).ConfigureAwait(false);
            return Map(response, body, function);
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            return LambdaOutcome.TimedOut.Instance;
        }
        catch (HttpRequestException ex)
        {
            return new LambdaOutcome.Failed(LambdaErrorNames.SdkClient,
                $"Unable to execute HTTP request: Lambda endpoint {_endpoint} did not answer for function '{function.Name}' " +
                $"(resource {function.Resource}): {ex.Message}");
        }
    }

    private LambdaOutcome Map(HttpResponseMessage response, string body, LambdaFunctionRef function)
    {
        if (response.IsSuccessStatusCode)
        {
            if (response.Headers.Contains("X-Amz-Function-Error"))
            {
                return JsonText.ReadErrorType(body) is { } errorType
                    ? new LambdaOutcome.Failed(errorType, body)
                    : new LambdaOutcome.Failed(LambdaErrorNames.Unknown, LambdaErrorNames.UnknownCause);
            }

            return new LambdaOutcome.Succeeded(ParsePayload(body));
        }

        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new LambdaOutcome.Failed(LambdaErrorNames.ResourceNotFound, LambdaErrorNames.NotFoundCause(function, _region, _accountId, requestId));
        }

        var (code, message) = ReadServiceError(response, body);
        return new LambdaOutcome.Failed("Lambda." + code,
            $"{message} (Service: AWSLambda; Status Code: {status}; Error Code: {code}; Request ID: {requestId}; Proxy: null)");
    }

    private static (string Code, string Message) ReadServiceError(HttpResponseMessage response, string body)
    {
        string? code = response.Headers.TryGetValues("X-Amzn-ErrorType", out var types) ? types.FirstOrDefault()?.Split(':')[0] : null;
        string? message = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject obj)
            {
                code ??= ((string?)obj["__type"] ?? (string?)obj["Type"])?.Split('#')[^1];
                message = (string?)obj["message"] ?? (string?)obj["Message"];
            }
        }
        catch (JsonException)
        {
            message = body;
        }

        return (code ?? "AWSLambdaException", string.IsNullOrEmpty(message) ? response.ReasonPhrase ?? "" : message);
    }

    /// <summary>The function's result: JSON text as sent (an empty body is null; text that is not JSON, such as raw
    /// bytes from a Python function, is kept as a string).</summary>
    private static JsonNode? ParsePayload(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
