namespace SfnResume.Server;

/// <summary>Where the local Step Functions endpoint listens and whether it checks signatures.</summary>
public sealed record SfnServerOptions
{
    /// <summary>The port the AWS tooling examples use for a local Step Functions endpoint.</summary>
    public const int DefaultPort = 8083;

    /// <summary>
    /// AWS's limit on a request (api-protocol.md section 6): 1 MB, enough for a definition of 1,048,576 characters
    /// plus the JSON around it. Larger bodies are refused with a SerializationException-shaped 413.
    /// </summary>
    public const long DefaultMaxRequestBytes = 1_048_576 + 64 * 1024;

    /// <summary>Host or address to bind; loopback unless set otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free port (see <see cref="SfnServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// Access key id to secret key. When not empty, every request must carry a valid SigV4 signature made with
    /// one of these keys (service <c>states</c>); when empty, signatures are not checked.
    /// </summary>
    public IReadOnlyDictionary<string, string> AccessKeys { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool RequireAuth => AccessKeys.Count > 0;

    public long MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>How far a signed request's <c>X-Amz-Date</c> may be from now (AWS allows 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
