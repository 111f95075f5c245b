using Amazon.Runtime;

namespace SfnResume.Aws;

/// <summary>How <see cref="StepFunctionsClient"/> reaches and signs for a Step Functions endpoint.</summary>
public sealed record StepFunctionsClientOptions
{
    /// <summary>
    /// The endpoint. When null: <c>AWS_ENDPOINT_URL_SFN</c>, then <c>AWS_ENDPOINT_URL</c>, then
    /// <c>https://states.{region}.amazonaws.com</c> (api-protocol.md section 7).
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The signing region. When null: AWSSDK.Core's region chain (environment, profile, instance metadata).</summary>
    public string? Region { get; init; }

    /// <summary>When null: AWSSDK.Core's default credential chain (environment, profiles, SSO, container and instance roles).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Attempts per call, the first included, on throttling and 5xx answers and connection failures.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off; each retry doubles it (capped by <see cref="MaxRetryDelay"/>) with full jitter.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The HTTP client to send with; the client creates (and owns) one when null.</summary>
    public HttpClient? HttpClient { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of jitter in [0, 1); <see cref="Random.Shared"/> when null.</summary>
    public Func<double>? Jitter { get; init; }
}
