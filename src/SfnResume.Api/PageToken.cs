using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SfnResume.Api;

/// <summary>
/// Opaque <c>nextToken</c>s: a position (what the store needs to continue) bound to the query it came from
/// (the scope: e.g. the execution ARN and sort order), with a checksum. A token that was changed, cut short or
/// used with another query is AWS's <c>InvalidToken</c>.
/// </summary>
/// <remarks>
/// Layout before base64url: version byte, scope hash (4 bytes), position UTF-8, checksum (8 bytes of SHA-256 over
/// everything before it). The checksum catches tampering and typos; it is not a secret, and need not be: a
/// forged position only selects other rows of the same query.
/// </remarks>
public static class PageToken
{
    private const byte FormatVersion = 1;
    private const int ScopeHashLength = 4;
    private const int ChecksumLength = 8;

    public static string Encode(string scope, string position)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(position);
        var positionBytes = Encoding.UTF8.GetBytes(position);
        var buffer = new byte[1 + ScopeHashLength + positionBytes.Length + ChecksumLength];
        buffer[0] = FormatVersion;
        WriteScopeHash(scope, buffer.AsSpan(1, ScopeHashLength));
        positionBytes.CopyTo(buffer, 1 + ScopeHashLength);
        var body = buffer.AsSpan(0, buffer.Length - ChecksumLength);
        Checksum(body, buffer.AsSpan(body.Length));
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The position in <paramref name="token"/>, or <c>InvalidToken</c>.</summary>
    public static string Decode(string token, string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return TryDecode(token, scope, out var position) ? position : throw SfnServiceException.InvalidToken();
    }

    public static bool TryDecode(string? token, string scope, out string position)
    {
        position = "";
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return false;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        var buffer = new byte[base64.Length * 3 / 4];
        if (!Convert.TryFromBase64String(base64, buffer, out var length) || length < 1 + ScopeHashLength + ChecksumLength)
        {
            return false;
        }

        var bytes = buffer.AsSpan(0, length);
        var body = bytes[..^ChecksumLength];
        Span<byte> expected = stackalloc byte[ChecksumLength];
        Checksum(body, expected);
        Span<byte> scopeHash = stackalloc byte[ScopeHashLength];
        WriteScopeHash(scope, scopeHash);
        if (bytes[0] != FormatVersion
            || !CryptographicOperations.FixedTimeEquals(expected, bytes[^ChecksumLength..])
            || !body.Slice(1, ScopeHashLength).SequenceEqual(scopeHash))
        {
            return false;
        }

        try
        {
            position = new UTF8Encoding(false, true).GetString(body[(1 + ScopeHashLength)..]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static void WriteScopeHash(string scope, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope), hash);
        hash[..destination.Length].CopyTo(destination);
    }

    private static void Checksum(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        BinaryPrimitives.WriteUInt64BigEndian(destination, BinaryPrimitives.ReadUInt64BigEndian(hash));
    }
}
