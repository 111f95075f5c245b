using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SfnResume.Api;

namespace SfnResume.Server;

/// <summary>
/// Checks the AWS Signature Version 4 of a request (header form), following the public spec
/// (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html): canonical request over the headers the
/// client listed in SignedHeaders, string to sign over the credential scope, HMAC-SHA256 chain from the secret key.
/// Written with System.Security.Cryptography because the server must canonicalise exactly what the client signed,
/// which AWSSDK.Core's signer (built around its own outgoing request model) does not expose for incoming requests.
/// </summary>
internal sealed class SigV4Verifier(IReadOnlyDictionary<string, string> keys, TimeSpan maxSkew, TimeProvider clock)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public void Verify(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            throw new SfnServiceException("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw IncompleteSignature("Authorization header requires the AWS4-HMAC-SHA256 algorithm.");
        }

        var parts = ParseAuthorization(authorization[(Algorithm.Length + 1)..]);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature))
        {
            throw IncompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            throw IncompleteSignature($"Credential should be scoped to a valid region, not '{credential}'.");
        }

        if (!keys.TryGetValue(scope[0], out var secret))
        {
            throw new SfnServiceException("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            throw IncompleteSignature("Authorization requires an X-Amz-Date header in the form yyyyMMddTHHmmssZ.");
        }

        if ((clock.GetUtcNow() - signedAt).Duration() > maxSkew)
        {
            throw new SfnServiceException("InvalidSignatureException",
                $"Signature expired: {amzDate} is now earlier or later than the allowed clock skew.", 403);
        }

        var headerNames = signedHeaders.Split(';');
        if (!headerNames.Contains("host", StringComparer.Ordinal) || scope[1] != amzDate[..8])
        {
            throw IncompleteSignature("The signature must cover the host header and be scoped to the X-Amz-Date day.");
        }

        var canonical = CanonicalRequest(request, headerNames, signedHeaders, body);
        var credentialScope = string.Join('/', scope[1..]);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(scope[1]));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope[2]));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope[3]));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new SfnServiceException("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);
        }
    }

    private static string CanonicalRequest(HttpRequest request, string[] headerNames, string signedHeaders, byte[] body)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(string.IsNullOrEmpty(request.Path.Value) ? "/" : request.Path.ToUriComponent()).Append('\n');
        builder.Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
        foreach (var name in headerNames)
        {
            var values = request.Headers[name].Select(v => CollapseSpaces(v ?? ""));
            builder.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n');
        // The body's own hash, not X-Amz-Content-Sha256: a header that lies about the body then fails the check.
        builder.Append(Hex(SHA256.HashData(body)));
        return builder.ToString();
    }

    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return "";
        }

        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Contains('=', StringComparison.Ordinal) ? p : p + "=")
            .Order(StringComparer.Ordinal);
        return string.Join('&', pairs);
    }

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> ParseAuthorization(string value)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parts[part[..eq]] = part[(eq + 1)..];
            }
        }

        return parts;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static SfnServiceException IncompleteSignature(string message) =>
        new("IncompleteSignatureException", message, 403);
}
