namespace SfnResume.Api.Tests;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("2026-01-01|arn:aws:states:us-east-1:1:execution:m:é")]
    public void Encode_Decode_RoundTrips(string position)
    {
        var token = PageToken.Encode("scope", position);

        Assert.Equal(position, PageToken.Decode(token, "scope"));
        Assert.DoesNotContain(position.Length > 0 ? position : "\u0001", token, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Decode_AnyCharacterChanged_Rejected()
    {
        var token = PageToken.Encode("scope", "12345");
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.False(PageToken.TryDecode(changed, "scope", out _), $"changed at {i}: {changed}");
        }
    }

    [Fact]
    public void Decode_OtherScopeTruncatedOrGarbage_InvalidToken()
    {
        var token = PageToken.Encode("scope", "12345");

        Assert.False(PageToken.TryDecode(token, "other", out _));
        Assert.False(PageToken.TryDecode(token[..^2], "scope", out _));
        Assert.False(PageToken.TryDecode("InvalidToken", "scope", out _));
        Assert.False(PageToken.TryDecode("", "scope", out _));
        var ex = Assert.Throws<SfnServiceException>(() => PageToken.Decode("InvalidToken", "scope"));
        Assert.Equal(("InvalidToken", "Invalid Token: 'Invalid token'"), (ex.ErrorType, ex.Message));
    }
}
