using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions.JsonPath;

public sealed class JsonPathExpressionTests
{
    private const string Store = """
        {
          "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 19.95 }
          },
          "expensive": 10,
          "a b": "spaced",
          "nothing": null
        }
        """;

    private static JsonNode? Eval(string path, string json = Store)
    {
        var expression = JsonPathExpression.Parse(path);
        Assert.True(expression.TryEvaluate(new JsonPathScope(JsonNode.Parse(json)), out var value));
        return value;
    }

    private static string EvalJson(string path, string json = Store) => JsonNodes.ToCompactJson(Eval(path, json));

    [Theory]
    [InlineData("$", true)]
    [InlineData("$.store.book[0].title", true)]
    [InlineData("$['store']['book'][-1]", true)]
    [InlineData("$.store.book[*]", false)]
    [InlineData("$..price", false)]
    [InlineData("$.store.book[1:3]", false)]
    [InlineData("$.store.book[0,1]", false)]
    [InlineData("$.store.book[?(@.price < 10)]", false)]
    [InlineData("$.store.bicycle['color','price']", true)]
    public void Parse_Paths_ReportDefiniteness(string path, bool definite)
    {
        Assert.Equal(definite, JsonPathExpression.Parse(path).IsDefinite);
    }

    [Fact]
    public void TryEvaluate_DotAndBracketMembers_SelectTheSameValue()
    {
        Assert.Equal("\"Sayings of the Century\"", EvalJson("$.store.book[0].title"));
        Assert.Equal("\"Sayings of the Century\"", EvalJson("$['store']['book'][0]['title']"));
        Assert.Equal("\"Sayings of the Century\"", EvalJson("$[\"store\"][\"book\"][0][\"title\"]"));
        Assert.Equal("\"spaced\"", EvalJson("$['a b']"));
    }

    [Fact]
    public void TryEvaluate_DotBeforeBracket_IsAccepted()
    {
        // AWS documents $.abc.['def ghi'] for names with spaces in intrinsic arguments.
        Assert.Equal("\"red\"", EvalJson("$.store.['bicycle'].color"));
    }

    [Fact]
    public void TryEvaluate_NegativeIndex_CountsFromTheEnd()
    {
        Assert.Equal("\"The Lord of the Rings\"", EvalJson("$.store.book[-1].title"));
        Assert.Equal("\"Moby Dick\"", EvalJson("$.store.book[-2].title"));
    }

    [Fact]
    public void TryEvaluate_Wildcards_ReturnArrays()
    {
        Assert.Equal("[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\",\"J. R. R. Tolkien\"]", EvalJson("$.store.book[*].author"));
        Assert.Equal("[\"red\",19.95]", EvalJson("$.store.bicycle.*"));
    }

    [Fact]
    public void TryEvaluate_DeepScan_FindsAllMatchesInDocumentOrder()
    {
        Assert.Equal("[8.95,12.99,8.99,22.99,19.95]", EvalJson("$..price"));
        Assert.Equal("[\"0-553-21311-3\",\"0-395-19395-8\"]", EvalJson("$..book[*].isbn"));
        Assert.Equal("[\"Sword of Honour\"]", EvalJson("$..book[1].title"));
    }

    [Theory]
    [InlineData("$.store.book[1:3].title", "[\"Sword of Honour\",\"Moby Dick\"]")]
    [InlineData("$.store.book[-1:].title", "[\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[:2].title", "[\"Sayings of the Century\",\"Sword of Honour\"]")]
    [InlineData("$.store.book[2:].title", "[\"Moby Dick\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[3:10].title", "[\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[0,2].title", "[\"Sayings of the Century\",\"Moby Dick\"]")]
    public void TryEvaluate_SlicesAndUnions_SelectTheRange(string path, string expected)
    {
        Assert.Equal(expected, EvalJson(path));
    }

    [Fact]
    public void TryEvaluate_MemberUnionAtTheEnd_MergesIntoOneObject()
    {
        Assert.Equal("{\"color\":\"red\",\"price\":19.95}", EvalJson("$.store.bicycle['color','price']"));
    }

    [Theory]
    [InlineData("$.store.book[?(@.price < 10)].title", "[\"Sayings of the Century\",\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.category == 'fiction' && @.price > 20)].title", "[\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.category == \"reference\" || @.price >= 22.99)].title", "[\"Sayings of the Century\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.price > $.expensive)].title", "[\"Sword of Honour\",\"The Lord of the Rings\"]")]
    [InlineData("$.store.book[?(@.author =~ /.*Melville/)].price", "[8.99]")]
    [InlineData("$.store.book[?(!(@.price < 10))].price", "[12.99,22.99]")]
    [InlineData("$.store.book[?(@.category != 'fiction')].price", "[8.95]")]
    [InlineData("$.store.book[?(@.category in ['reference','none'])].price", "[8.95]")]
    [InlineData("$.store.book[?(@.missing == 1)]", "[]")]
    [InlineData("$..book[?(@.price <= 8.99)].author", "[\"Nigel Rees\",\"Herman Melville\"]")]
    [InlineData("$..[?(@.isbn)].title", "[\"Moby Dick\",\"The Lord of the Rings\"]")]
    [InlineData("$..[?(@.price > 19)].price", "[22.99,19.95]")]
    public void TryEvaluate_Filters_SelectMatchingElements(string path, string expected)
    {
        Assert.Equal(expected, EvalJson(path));
    }

    [Fact]
    public void TryEvaluate_FilterComparingStringsAndNumbers_IsFalse()
    {
        Assert.Equal("[]", EvalJson("$.items[?(@.v == '1')]", """{"items":[{"v":1}]}"""));
        Assert.Equal("[{\"v\":true}]", EvalJson("$.items[?(@.v == true)]", """{"items":[{"v":true},{"v":"true"}]}"""));
    }

    [Fact]
    public void TryEvaluate_NullValue_IsFoundAndNull()
    {
        var path = JsonPathExpression.Parse("$.nothing");
        Assert.True(path.TryEvaluate(new JsonPathScope(JsonNode.Parse(Store)), out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.store.missing.deeper")]
    [InlineData("$.store.book[10]")]
    [InlineData("$.store.bicycle[0]")]
    [InlineData("$.expensive.x")]
    public void TryEvaluate_DefiniteMissing_ReturnsFalse(string path)
    {
        Assert.False(JsonPathExpression.Parse(path).TryEvaluate(new JsonPathScope(JsonNode.Parse(Store)), out _));
    }

    [Theory]
    [InlineData("$.items[*]")]
    [InlineData("$[*]")]
    [InlineData("$.item.items[1:5].itemValue")]
    [InlineData("$..nothing.here")]
    public void TryEvaluate_IndefiniteWithoutMatches_ReturnsEmptyArray(string path)
    {
        // Recorded: Parameters {"item.$": "$.items[*]"} on input {} gives {"item": []}.
        Assert.Equal("[]", EvalJson(path, "{}"));
    }

    [Theory]
    [InlineData("$.NoSuchInputPath", "{\"int-literal\":0}", "No results for path: $['NoSuchInputPath']")]
    [InlineData("$.no.such.result.path", "{}", "Missing property in path $['no']")]
    [InlineData("$.a.b", "{\"a\":{}}", "No results for path: $['a']['b']")]
    [InlineData("$.a[3]", "{\"a\":[1]}", "No results for path: $['a'][3]")]
    [InlineData("$.a[0]", "{\"a\":{\"x\":1}}", "Filter: [0] can only be applied to arrays. Current context is: {\"x\":1}")]
    [InlineData("$.a.b", "{\"a\":\"s\"}", "Expected to find an object with property ['b'] in path $['a'] but found 'java.lang.String'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.")]
    public void DescribeMissing_UsesJaywayWording(string path, string input, string expected)
    {
        var expression = JsonPathExpression.Parse(path);
        var scope = new JsonPathScope(JsonNode.Parse(input));
        Assert.False(expression.TryEvaluate(scope, out _));
        Assert.Equal(expected, expression.DescribeMissing(scope));
    }

    [Fact]
    public void TryEvaluate_ContextPaths_ReadTheContextObject()
    {
        var context = JsonNode.Parse("""{"Execution":{"Input":{"k":1},"Name":"run"},"State":{"Name":"S"},"Map":{"Item":{"Value":{"v":2},"Index":3}}}""");
        var scope = new JsonPathScope(JsonNode.Parse("{}"), context);
        Assert.True(JsonPathExpression.Parse("$$.Execution.Input.k").TryEvaluate(scope, out var k));
        Assert.Equal(1, k!.GetValue<int>());
        Assert.True(JsonPathExpression.Parse("$$.Map.Item.Value").TryEvaluate(scope, out var item));
        Assert.Equal("{\"v\":2}", JsonNodes.ToCompactJson(item));
        Assert.True(JsonPathExpression.Parse("$$").TryEvaluate(scope, out var whole));
        Assert.Same(context, whole);
        Assert.Equal(JsonPathRoot.Context, JsonPathExpression.Parse("$$.State.Name").Root);
    }

    [Fact]
    public void TryEvaluate_ContextPathWithoutContext_IsNotFound()
    {
        Assert.False(JsonPathExpression.Parse("$$.State.Name").TryEvaluate(new JsonPathScope(JsonNode.Parse("{}")), out _));
    }

    [Fact]
    public void TryEvaluate_VariablePaths_ReadVariables()
    {
        var variables = new JsonPathVariables(new Dictionary<string, JsonNode?>
        {
            ["order"] = JsonNode.Parse("""{"items":[{"sku":"a"},{"sku":"b"}]}"""),
            ["empty"] = null,
        });
        var scope = new JsonPathScope(JsonNode.Parse("{}"), null, variables);

        var path = JsonPathExpression.Parse("$order.items[1].sku");
        Assert.Equal(JsonPathRoot.Variable, path.Root);
        Assert.Equal("order", path.VariableName);
        Assert.True(path.TryEvaluate(scope, out var sku));
        Assert.Equal("b", sku!.GetValue<string>());

        Assert.True(JsonPathExpression.Parse("$empty").TryEvaluate(scope, out var empty));
        Assert.Null(empty);
        Assert.False(JsonPathExpression.Parse("$undefinedName").TryEvaluate(scope, out _));
        Assert.Equal("[\"a\",\"b\"]", JsonNodes.ToCompactJson(Evaluate("$order.items[*].sku", scope)));
    }

    private static JsonNode? Evaluate(string path, JsonPathScope scope)
    {
        Assert.True(JsonPathExpression.Parse(path).TryEvaluate(scope, out var value));
        return value;
    }

    [Fact]
    public void TryEvaluate_QuotedNameWithBackslash_IsTakenVerbatim()
    {
        // Recorded AWS case: path $['Test\""Name"'] reads the member named Test\""Name".
        var input = new JsonObject { ["Test\\\"\"Name\""] = "Value\"\\" };
        var path = JsonPathExpression.Parse("$['Test\\\"\"Name\"']");
        Assert.True(path.TryEvaluate(new JsonPathScope(input), out var value));
        Assert.Equal("Value\"\\", value!.GetValue<string>());
    }

    [Fact]
    public void TryEvaluate_DoesNotMutateTheInput()
    {
        var input = JsonNode.Parse(Store)!;
        var before = input.ToJsonString();
        foreach (var path in new[] { "$..price", "$.store.book[?(@.price < 10)]", "$.store.bicycle['color','price']", "$.store.book[1:3]" })
        {
            Assert.True(JsonPathExpression.Parse(path).TryEvaluateDetached(new JsonPathScope(input), out var value));
            Assert.Null(value!.Parent);
        }

        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void TryEvaluateDetached_BorrowedValue_IsACopy()
    {
        var input = JsonNode.Parse(Store)!;
        var path = JsonPathExpression.Parse("$.store.bicycle");
        Assert.True(path.TryEvaluate(new JsonPathScope(input), out var borrowed, out var owned));
        Assert.False(owned);
        Assert.Same(input["store"]!["bicycle"], borrowed);
        Assert.True(path.TryEvaluateDetached(new JsonPathScope(input), out var detached));
        Assert.NotSame(borrowed, detached);
        Assert.Null(detached!.Parent);
        Assert.True(JsonNode.DeepEquals(borrowed, detached));
    }

    [Fact]
    public void TryEvaluate_IntegersKeepTheirText()
    {
        var input = JsonNode.Parse("""{"big":12345678901234567890,"n":1.50}""");
        Assert.Equal("12345678901234567890", JsonNodes.ToCompactJson(Eval("$.big", input!.ToJsonString())));
        Assert.Equal("1.50", JsonNodes.ToCompactJson(Eval("$.n", input.ToJsonString())));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a.b", 0)]
    [InlineData("$.", 2)]
    [InlineData("$.a[", 4)]
    [InlineData("$.a['x'", 7)]
    [InlineData("$.a[?(@.x <)]", 11)]
    [InlineData("$.a.length()", 10)]
    [InlineData("$ .a", 1)]
    public void Parse_InvalidPaths_ThrowWithPosition(string path, int position)
    {
        var error = Assert.Throws<JsonPathParseException>(() => JsonPathExpression.Parse(path));
        Assert.Equal(position, error.Position);
        Assert.False(JsonPathExpression.TryParse(path, out _, out var again));
        Assert.Equal(error.Message, again!.Message);
    }

    [Theory]
    [InlineData("$", "$")]
    [InlineData("$.a.b[0]", "$['a']['b'][0]")]
    [InlineData("$['a b'][*]", "$['a b'][*]")]
    [InlineData("$$.Execution.Input", "$$['Execution']['Input']")]
    [InlineData("$..x", "$..['x']")]
    public void NormalizedPath_UsesBracketNotation(string path, string expected)
    {
        Assert.Equal(expected, JsonPathExpression.Parse(path).NormalizedPath);
    }
}
