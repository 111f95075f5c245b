using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions.JsonPath;

public sealed class ReferencePathTests
{
    private static string Set(string path, string root, string value) =>
        JsonNodes.ToCompactJson(ReferencePath.Parse(path).Set(JsonNode.Parse(root), JsonNode.Parse(value)));

    [Theory]
    [InlineData("$.acc", "{\"a\":1}", "2", "{\"a\":1,\"acc\":2}")]
    [InlineData("$.a", "{\"a\":1}", "{\"x\":true}", "{\"a\":{\"x\":true}}")]
    [InlineData("$.a.b.c", "{\"a\":{\"k\":0}}", "\"v\"", "{\"a\":{\"k\":0,\"b\":{\"c\":\"v\"}}}")]
    [InlineData("$.new.deep", "{}", "null", "{\"new\":{\"deep\":null}}")]
    [InlineData("$.list[1]", "{\"list\":[1,2,3]}", "9", "{\"list\":[1,9,3]}")]
    [InlineData("$.list[-1].x", "{\"list\":[{},{}]}", "1", "{\"list\":[{},{\"x\":1}]}")]
    [InlineData("$['a b']", "{}", "1", "{\"a b\":1}")]
    public void Set_WritesAndCreatesIntermediateObjects(string path, string root, string value, string expected)
    {
        Assert.Equal(expected, Set(path, root, value));
    }

    [Fact]
    public void Set_Root_ReplacesTheDocument()
    {
        Assert.True(ReferencePath.Parse("$").IsRoot);
        Assert.Equal("[1]", Set("$", "{\"a\":1}", "[1]"));
    }

    [Fact]
    public void Set_DoesNotModifyItsArguments()
    {
        var root = JsonNode.Parse("{\"a\":{\"b\":1}}");
        var value = JsonNode.Parse("{\"v\":1}");
        var result = ReferencePath.Parse("$.a.c").Set(root, value);
        Assert.Equal("{\"a\":{\"b\":1}}", root!.ToJsonString());
        Assert.Null(value!.Parent);
        Assert.Equal("{\"a\":{\"b\":1,\"c\":{\"v\":1}}}", result!.ToJsonString());
    }

    [Fact]
    public void SetInPlace_ModifiesTheOwnedDocument()
    {
        var root = JsonNode.Parse("{\"a\":1}");
        var value = JsonValue.Create(2);
        var result = ReferencePath.Parse("$.b").SetInPlace(root, value);
        Assert.Same(root, result);
        Assert.Equal("{\"a\":1,\"b\":2}", root!.ToJsonString());
    }

    [Theory]
    [InlineData("$.a.b", "{\"a\":\"text\"}", "Unable to apply step \"b\" to input {\"a\":\"text\"}")]
    [InlineData("$.a", "\"text\"", "Unable to apply step \"a\" to input \"text\"")]
    [InlineData("$.a[5]", "{\"a\":[1]}", "Unable to apply step \"[5]\" to input {\"a\":[1]}")]
    [InlineData("$.a[0]", "{\"a\":{}}", "Unable to apply step \"[0]\" to input {\"a\":{}}")]
    public void Set_AcrossANonObject_FailsWithResultPathMatchFailure(string path, string root, string cause)
    {
        var error = Assert.Throws<StatesException>(() => ReferencePath.Parse(path).Set(JsonNode.Parse(root), JsonValue.Create(1)));
        Assert.Equal(StatesErrorNames.ResultPathMatchFailure, error.Error);
        Assert.Equal(cause, error.Cause);
        Assert.True(error.IsStateScoped);
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$..a")]
    [InlineData("$.a[0:1]")]
    [InlineData("$.a[?(@.x)]")]
    [InlineData("$.a['x','y']")]
    public void Parse_NonReferencePaths_AreRejected(string path)
    {
        Assert.Throws<JsonPathParseException>(() => ReferencePath.Parse(path));
        Assert.False(ReferencePath.TryParse(path, out _));
    }

    [Fact]
    public void TryGet_TellsFoundNullFromMissing()
    {
        var scope = new JsonPathScope(JsonNode.Parse("{\"n\":null}"));
        Assert.True(ReferencePath.Parse("$.n").TryGet(scope, out var n));
        Assert.Null(n);
        Assert.False(ReferencePath.Parse("$.m").TryGet(scope, out _));
    }

    [Fact]
    public void SetInPlace_ContextPath_IsRejected()
    {
        Assert.Throws<InvalidOperationException>(() => ReferencePath.Parse("$$.State").SetInPlace(new JsonObject(), null));
    }
}
