using Microsoft.AspNetCore.Http;
using SfnResume.Api;

namespace SfnResume.Server;

/// <summary>Reads a request body up to a limit, refusing larger ones before buffering them.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // AWS's front end answers an oversized request with 413; the error name here follows the model's length
    // constraint errors (exact wording of AWS's reply unconfirmed).
    private static SfnServiceException TooLarge(long maxBytes) =>
        new("ValidationException", $"Request body is larger than the limit of {maxBytes} bytes", StatusCodes.Status413PayloadTooLarge);
}
