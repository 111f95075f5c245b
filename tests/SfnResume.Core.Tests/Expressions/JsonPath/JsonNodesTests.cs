using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions.JsonPath;

public sealed class JsonNodesTests
{
    [Theory]
    [InlineData("1.50")]
    [InlineData("-0")]
    [InlineData("0")]
    [InlineData("1e2")]
    [InlineData("12345678901234567890123")]
    [InlineData("-42")]
    [InlineData("\"t\\u00e9xt \\\"q\\\"\"")]
    [InlineData("[true,false,null,{\"a\":[1.0]}]")]
    public void Clone_KeepsTheJsonText(string json)
    {
        var node = JsonNode.Parse(json);
        var clone = JsonNodes.Clone(new JsonArray(node)[0]);
        Assert.Equal(node!.ToJsonString(), clone!.ToJsonString());
        Assert.Null(clone.Parent);
    }

    [Fact]
    public void ToCompactJson_DoesNotEscapeQuotesOrNonAscii()
    {
        Assert.Equal("{\"k\":\"it's \\\"é\\\" <b>\"}", JsonNodes.ToCompactJson(JsonNode.Parse("{ \"k\" : \"it's \\\"é\\\" <b>\" }")));
        Assert.Equal("null", JsonNodes.ToCompactJson(null));
    }

    [Fact]
    public void DeepEquals_ComparesNumbersByValue()
    {
        Assert.True(JsonNodes.DeepEquals(JsonNode.Parse("1.0"), JsonValue.Create(1)));
        Assert.False(JsonNodes.DeepEquals(JsonNode.Parse("1"), JsonValue.Create("1")));
        Assert.True(JsonNodes.DeepEquals(JsonNode.Parse("{\"a\":1,\"b\":[2]}"), JsonNode.Parse("{\"b\":[2],\"a\":1}")));
    }

    [Fact]
    public void EvaluateOrThrow_MissingPath_RaisesInvalidPath()
    {
        var scope = new JsonPathScope(JsonNode.Parse("{\"int-literal\":0}"));
        var error = Assert.Throws<StatesException>(() => JsonPathExpression.Parse("$.NoSuchInputPath").EvaluateOrThrow(scope));
        Assert.Equal(StatesErrorNames.Runtime, error.Error);
        Assert.Equal("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']", error.Cause);
        Assert.Equal("0", JsonNodes.ToCompactJson(JsonPathExpression.Parse("$['int-literal']").EvaluateOrThrow(scope)));
    }
}
