using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;

namespace SfnResume.Aws;

/// <summary>
/// Signs a Step Functions request with AWSSDK.Core's SigV4 signer (service <c>states</c>): the request is described to
/// the signer as its own request model, signed there, and the headers it produced are copied onto the HTTP message.
/// </summary>
internal static class RequestSigner
{
    public const string ServiceName = "states";

    private static readonly AWS4Signer s_signer = new();

    // Building a ClientConfig reads the environment and configuration defaults: once per region, not per request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SigningConfig> s_configs = new(StringComparer.Ordinal);

    public static void Sign(HttpRequestMessage message, string target, byte[] body, ImmutableCredentials credentials, string region)
    {
        var uri = message.RequestUri!;
        var request = new DefaultRequest(new SigningRequest(), ServiceName)
        {
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = "/",
            HttpMethod = "POST",
            Content = body,
            AuthenticationRegion = region,
        };
        request.Headers["X-Amz-Target"] = target;
        request.Headers["Content-Type"] = StepFunctionsClient.ContentType;
        if (credentials.UseToken)
        {
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var config = s_configs.GetOrAdd(region, r => new SigningConfig { AuthenticationRegion = r });
        var result = s_signer.SignRequest(request, config, new RequestMetrics(), credentials.AccessKey, credentials.SecretKey);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || name.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private sealed class SigningRequest : AmazonWebServiceRequest;

    private sealed class SigningConfig() : ClientConfig(new DefaultConfigurationProvider([new DefaultConfiguration()]))
    {
        public override string RegionEndpointServiceName => ServiceName;

        public override string ServiceVersion => "2016-11-23";

        public override string UserAgent => "sfn-resume";

        // The signer does not resolve endpoints (the client sends to its own URL); answer with the configured one.
        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(
            Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) => new(ServiceURL ?? "https://states.amazonaws.com");
    }
}
