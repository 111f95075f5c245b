using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.History;

namespace SfnResume.Core.Tests.History;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("\"{\\\"sku\\\":\\\"A-1\\\",\\\"price\\\":1.50,\\\"name\\\":\\\"caf\\u00e9 \\\\\\\"x\\\\\\\"\\\"}\"")]
    [InlineData("\"[1,2.0,\\\"é\\\"]\"")]
    [InlineData("\"null\"")]
    [InlineData("\"\\\"just a string\\\"\"")]
    public void TryParseJson_StringToken_MatchesParsingTheDecodedValue(string token)
    {
        var text = JsonText.FromStringToken(Encoding.UTF8.GetBytes(token));
        var decoded = JsonText.FromStringToken(Encoding.UTF8.GetBytes(token)).Value!;

        Assert.True(text.TryParseJson(out var node, out var length));

        Assert.Equal(decoded.Length, length);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(decoded), node));
        Assert.Equal(JsonNode.Parse(decoded)?.ToJsonString(), node?.ToJsonString());
    }

    [Fact]
    public void TryParseJson_ValueTokenAndDecodedValue_ParseAsTheirText()
    {
        var value = JsonText.FromValueToken("{\"a\":[1,2]}"u8.ToArray());
        var built = JsonText.From("{\"b\":\"ü\"}");

        Assert.True(value.TryParseJson(out var fromValue, out var valueLength));
        Assert.True(built.TryParseJson(out var fromBuilt, out var builtLength));

        Assert.Equal("{\"a\":[1,2]}", fromValue!.ToJsonString());
        Assert.Equal(11, valueLength);
        Assert.Equal("ü", (string?)fromBuilt!["b"]);
        Assert.Equal(9, builtLength);
    }

    [Fact]
    public void TryParseJson_Absent_IsFalse_AndNotJson_Throws()
    {
        Assert.False(default(JsonText).TryParseJson(out var node, out var length));
        Assert.Null(node);
        Assert.Equal(0, length);
        Assert.ThrowsAny<JsonException>(() => JsonText.FromStringToken("\"{not json\""u8.ToArray()).TryParseJson(out _, out _));
    }
}
