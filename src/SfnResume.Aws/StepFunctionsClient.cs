using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using SfnResume.Api;

namespace SfnResume.Aws;

/// <summary>
/// <see cref="IStepFunctionsApi"/> over HTTP (awsJson1_0), for AWS or any compatible endpoint (the local server):
/// requests signed with AWSSDK.Core's SigV4 signer, throttling and 5xx answers retried with exponential back-off and
/// full jitter, AWS errors turned back into <see cref="SfnServiceException"/>s.
/// </summary>
public sealed partial class StepFunctionsClient : IDisposable
{
    internal const string ContentType = "application/x-amz-json-1.0";

    private readonly StepFunctionsClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AWSCredentials? _credentials;
    private readonly bool _regionalEndpoint;

    public StepFunctionsClient(StepFunctionsClientOptions? options = null)
    {
        _options = options ?? new StepFunctionsClientOptions();
        Region = _options.Region ?? ResolveRegion();
        Endpoint = _options.Endpoint ?? ResolveEndpoint(Region, Environment.GetEnvironmentVariable);
        _regionalEndpoint = _options.Endpoint is null && Endpoint.Host.StartsWith("states.", StringComparison.Ordinal);
        _credentials = _options.Credentials;
        _ownsHttp = _options.HttpClient is null;
        _http = _options.HttpClient ?? new HttpClient();
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Endpoint precedence of the AWS SDKs: <c>AWS_ENDPOINT_URL_SFN</c>, <c>AWS_ENDPOINT_URL</c>, the regional endpoint.</summary>
    internal static Uri ResolveEndpoint(string region, Func<string, string?> environment)
    {
        var ignore = environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        if (!string.Equals(ignore, "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in (string[])["AWS_ENDPOINT_URL_SFN", "AWS_ENDPOINT_URL"])
            {
                if (environment(name) is { Length: > 0 } url)
                {
                    return new Uri(url);
                }
            }
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://states.{region}.{suffix}/");
    }

    private static string ResolveRegion() =>
        FallbackRegionFactory.GetRegionEndpoint()?.SystemName
        ?? throw new SfnServiceException("MissingRegion",
            "No AWS region configured: set AWS_REGION or a profile region, or pass one explicitly.");

    private async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var credentials = _credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        return await credentials.GetCredentialsAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Where an operation goes. StartSyncExecution carries the model's <c>sync-</c> host prefix (api-protocol.md
    /// section 8): applied on AWS's regional endpoint, not on an explicit or configured one (a loopback address cannot
    /// take a prefix, which is why SDK users turn injection off for local endpoints).
    /// </summary>
    internal Uri OperationUri(string operation) =>
        _regionalEndpoint && operation == "StartSyncExecution"
            ? new UriBuilder(Endpoint) { Host = "sync-" + Endpoint.Host }.Uri
            : Endpoint;

    /// <summary>Sends one operation and returns the response body, retrying what AWS says may be retried.</summary>
    internal async Task<byte[]> SendAsync(string operation, byte[] body, CancellationToken ct)
    {
        var target = ApiOperations.TargetPrefix + operation;
        var credentials = await GetCredentialsAsync().ConfigureAwait(false);
        var maxAttempts = Math.Max(1, _options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, OperationUri(operation));
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
            RequestSigner.Sign(request, target, body, credentials, Region);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < maxAttempts)
            {
                await DelayAsync(attempt, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return bytes;
                }

                var error = ReadError(response, bytes);
                if (attempt < maxAttempts && IsRetryable(response.StatusCode, error.ErrorType))
                {
                    await DelayAsync(attempt, ct).ConfigureAwait(false);
                    continue;
                }

                throw error;
            }
        }
    }

    internal static bool IsRetryable(HttpStatusCode status, string errorType) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests
        || errorType is "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded";

    /// <summary>Exponential back-off with full jitter: a random wait in [0, min(max, base * 2^(attempt-1))).</summary>
    internal static TimeSpan RetryDelay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * jitter);
    }

    private Task DelayAsync(int attempt, CancellationToken ct)
    {
        var jitter = _options.Jitter?.Invoke() ?? Random.Shared.NextDouble();
        var delay = RetryDelay(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, jitter);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _options.TimeProvider, ct);
    }

    /// <summary>
    /// AWS's error: code from <c>__type</c> (else <c>x-amzn-ErrorType</c>, else the status), the part after the last
    /// <c>#</c> and before any <c>:</c>, as the AWS SDKs read it (api-protocol.md section 2); message from
    /// <c>message</c> or <c>Message</c>.
    /// </summary>
    internal static SfnServiceException ReadError(HttpResponseMessage response, byte[] body)
    {
        string? type = null;
        string? message = null;
        string? reason = null;
        string? resourceName = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    if (member.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    switch (member.Name)
                    {
                        case "__type" or "code":
                            type ??= member.Value.GetString();
                            break;
                        case "message" or "Message":
                            message ??= member.Value.GetString();
                            break;
                        case "reason":
                            reason = member.Value.GetString();
                            break;
                        case "resourceName":
                            resourceName = member.Value.GetString();
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall back to the header and the status.
        }

        if (string.IsNullOrEmpty(type) && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            type = values.FirstOrDefault();
        }

        var status = (int)response.StatusCode;
        type = BareErrorType(type) ?? (status == 429 ? "ThrottlingException" : status >= 500 ? "InternalFailure" : $"Http{status}");
        return new SfnServiceException(type, message ?? $"HTTP {status} {response.ReasonPhrase}", status)
        {
            Reason = reason,
            ResourceName = resourceName,
        };
    }

    internal static string? BareErrorType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var hash = type.LastIndexOf('#');
        var bare = hash >= 0 ? type[(hash + 1)..] : type;
        var colon = bare.IndexOf(':', StringComparison.Ordinal);
        bare = (colon >= 0 ? bare[..colon] : bare).Trim();
        return bare.Length == 0 ? null : bare;
    }
}
