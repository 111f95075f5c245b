using System.Buffers;
using Microsoft.AspNetCore.Http;
using SfnResume.Api;

namespace SfnResume.Server;

/// <summary>Reads a request body up to a limit, refusing larger ones before buffering them.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            // The SDKs always send Content-Length: read straight into an array of that size (Kestrel ends the body
            // at the declared length).
            var exact = new byte[declared];
            var filled = 0;
            int count;
            while (filled < exact.Length && (count = await request.Body.ReadAsync(exact.AsMemory(filled), ct).ConfigureAwait(false)) > 0)
            {
                filled += count;
            }

            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream(4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    // AWS's front end answers an oversized request with 413; the error name here follows the model's length
    // constraint errors (exact wording of AWS's reply unconfirmed).
    private static SfnServiceException TooLarge(long maxBytes) =>
        new("ValidationException", $"Request body is larger than the limit of {maxBytes} bytes", StatusCodes.Status413PayloadTooLarge);
}
