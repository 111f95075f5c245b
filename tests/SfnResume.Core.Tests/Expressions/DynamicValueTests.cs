using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions;

public sealed class DynamicValueTests
{
    [Fact]
    public void Evaluate_FailPathField_NamesTheField()
    {
        // Recorded: "The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '...'".
        var value = DynamicValue.Parse("$.NoSuchCausePath");
        var error = Assert.Throws<StatesException>(() => value.Evaluate(new JsonPathScope(JsonNode.Parse("{\"Error\":\"e\"}")), new FixedRandom(), "CausePath"));
        Assert.Equal("The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{\"Error\":\"e\"}'", error.Cause);
    }

    [Fact]
    public void Parse_DistinguishesPathsAndCalls()
    {
        Assert.NotNull(DynamicValue.Parse("$$.Execution.Id").Path);
        Assert.NotNull(DynamicValue.Parse("States.UUID()").Intrinsic);
        Assert.Throws<JsonPathParseException>(() => DynamicValue.Parse("plain text"));
    }

    [Fact]
    public void Evaluate_ResultSelectorScope_ReadsTheResult()
    {
        var scope = new JsonPathScope(JsonNode.Parse("{\"raw\":1}"), JsonNode.Parse("{\"State\":{\"Name\":\"T\"}}"));
        var template = PayloadTemplate.Compile(JsonNode.Parse("{\"body.$\":\"$.Payload.body\",\"state.$\":\"$$.State.Name\"}"));
        var selected = template.Evaluate(scope.WithInput(JsonNode.Parse("{\"Payload\":{\"body\":[1]}}")), new FixedRandom());
        Assert.Equal("{\"body\":[1],\"state\":\"T\"}", JsonNodes.ToCompactJson(selected));
    }

    [Fact]
    public void Evaluate_FromManyThreads_GivesTheSameResult()
    {
        var template = PayloadTemplate.Compile(JsonNode.Parse("{\"a.$\":\"$.items[?(@.k in ['x','y'])].v\",\"f.$\":\"States.Format('{}', $.items[0].v)\",\"lit\":{\"n\":[1,2]}}"));
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var input = JsonNode.Parse("{\"items\":[{\"k\":\"x\",\"v\":1},{\"k\":\"z\",\"v\":2},{\"k\":\"y\",\"v\":3}]}");
            results[i] = JsonNodes.ToCompactJson(template.Evaluate(new JsonPathScope(input), new FixedRandom()));
        });
        Assert.All(results, r => Assert.Equal("{\"a\":[1,3],\"f\":\"1\",\"lit\":{\"n\":[1,2]}}", r));
    }
}
