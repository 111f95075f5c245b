using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions;

public sealed class PayloadTemplateTests
{
    private static readonly FixedRandom s_random = new();

    private static string Apply(string template, string input, JsonNode? context = null, IJsonPathVariables? variables = null) =>
        JsonNodes.ToCompactJson(PayloadTemplate.Compile(JsonNode.Parse(template)).Evaluate(new JsonPathScope(JsonNode.Parse(input), context, variables), s_random));

    [Fact]
    public void Evaluate_MixesLiteralsPathsAndIntrinsics()
    {
        var result = Apply(
            """{"lit":"x","n":1,"a.$":"$.a","nested":{"b.$":"$.b[0]","keep":[1,{"c.$":"$.a"}]},"f.$":"States.Format('{}-{}', $.a, $.b[1])"}""",
            """{"a":"A","b":[10,20]}""");
        Assert.Equal("""{"lit":"x","n":1,"a":"A","nested":{"b":10,"keep":[1,{"c":"A"}]},"f":"A-20"}""", result);
    }

    [Fact]
    public void Evaluate_ContextAndVariablePaths()
    {
        var context = JsonNode.Parse("""{"Map":{"Item":{"Index":2,"Value":{"id":"z"}}}}""");
        var variables = new JsonPathVariables(new Dictionary<string, JsonNode?> { ["limit"] = JsonValue.Create(5) });
        var result = Apply("""{"index.$":"$$.Map.Item.Index","value.$":"$$.Map.Item.Value.id","limit.$":"$limit"}""", "{}", context, variables);
        Assert.Equal("""{"index":2,"value":"z","limit":5}""", result);
    }

    [Fact]
    public void Evaluate_ResultIsIndependentOfInputAndTemplate()
    {
        var input = JsonNode.Parse("""{"obj":{"k":[1,2]}}""")!;
        var template = PayloadTemplate.Compile(JsonNode.Parse("""{"copy.$":"$.obj","lit":{"x":1}}"""));
        var first = template.Evaluate(new JsonPathScope(input), s_random)!;
        first["copy"]!["k"]!.AsArray().Add(3);
        first["lit"]!["x"] = 2;
        var second = template.Evaluate(new JsonPathScope(input), s_random)!;
        Assert.Equal("""{"copy":{"k":[1,2]},"lit":{"x":1}}""", second.ToJsonString());
        Assert.Equal("""{"obj":{"k":[1,2]}}""", input.ToJsonString());
    }

    [Fact]
    public void Evaluate_MissingPath_FailsWithAwsWording()
    {
        var error = Assert.Throws<StatesException>(() => Apply("""{"value.$":"$.no_such_jsonpath"}""", """{"int-literal": 0}"""));
        Assert.Equal(StatesErrorNames.Runtime, error.Error);
        Assert.Equal("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'", error.Cause);
        var scoped = error.InState("pass", 2);
        Assert.Equal(
            "An error occurred while executing the state 'pass' (entered at the event id #2). The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'",
            scoped.Cause);
        Assert.False(scoped.IsStateScoped);
    }

    [Fact]
    public void Evaluate_PathToNull_WritesNull()
    {
        Assert.Equal("""{"v":null}""", Apply("""{"v.$":"$.n"}""", """{"n":null}"""));
    }

    [Fact]
    public void Evaluate_IndefinitePath_WritesAnArray()
    {
        Assert.Equal("""{"v":[1,2]}""", Apply("""{"v.$":"$.items[*].x"}""", """{"items":[{"x":1},{"x":2}]}"""));
    }

    [Fact]
    public void Compile_StaticTemplate_IsMarkedStatic()
    {
        Assert.True(PayloadTemplate.Compile(JsonNode.Parse("""{"a":{"b":[1]}}""")).IsStatic);
        Assert.False(PayloadTemplate.Compile(JsonNode.Parse("""{"a":{"b.$":"$"}}""")).IsStatic);
    }

    [Theory]
    [InlineData("""{"a.$":1}""", "/a.$")]
    [InlineData("""{"x":{"a.$":"missing"}}""", "/x/a.$")]
    [InlineData("""{"x":[{"a.$":"$.["}]}""", "/x/0/a.$")]
    [InlineData("""{"a.$":"States.Nope()"}""", "/a.$")]
    public void Compile_InvalidDynamicMember_ReportsWhere(string template, string pointer)
    {
        var error = Assert.Throws<PayloadTemplateException>(() => PayloadTemplate.Compile(JsonNode.Parse(template)));
        Assert.Equal(pointer, error.Pointer);
    }

    [Fact]
    public void Evaluate_NonObjectTemplates_AreCopied()
    {
        Assert.Equal("[1,\"a\"]", Apply("[1,\"a\"]", "{}"));
        Assert.Equal("\"text\"", Apply("\"text\"", "{}"));
    }
}
