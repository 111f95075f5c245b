using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using SfnResume.Aws;

namespace SfnResume.Cli.Infrastructure;

/// <summary>
/// A remote Step Functions API: an explicit <c>--endpoint-url</c>, the AWS endpoint variables, or AWS itself
/// with <c>--aws</c>. Without any of them commands use the embedded store, so nothing in a cloud account
/// changes unless the user asks.
/// </summary>
internal static class RemoteApi
{
    public static StepFunctionsClient? TryOpen(ApiConnectionSettings settings)
    {
        if (settings.LocalOnly)
        {
            return null;
        }

        var endpoint = settings.EndpointUrl ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SFN");
        if (endpoint is null && !settings.UseAws)
        {
            return null;
        }

        Uri? uri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliUserException($"--endpoint-url: '{endpoint}' is not an http(s) URL");
        }

        var region = settings.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (region is null && uri is not null)
        {
            // A local endpoint does not care about the region, but signing needs one.
            region = "us-east-1";
        }

        return new StepFunctionsClient(new StepFunctionsClientOptions
        {
            Endpoint = uri,
            Region = region,
            Credentials = Credentials(settings, local: uri is not null && !settings.UseAws),
        });
    }

    private static AWSCredentials? Credentials(ApiConnectionSettings settings, bool local)
    {
        if (settings.Profile is { } profile)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new CliUserException($"--profile: no AWS profile named '{profile}'");
        }

        if (!local)
        {
            return null;
        }

        // A local endpoint (sfn-resume serve, other emulators) accepts any signature unless it was started
        // with keys; use the caller's credentials when there are any, else a placeholder pair.
        try
        {
            return Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException)
        {
            return new BasicAWSCredentials("local", "local");
        }
    }
}
