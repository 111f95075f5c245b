using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

public sealed class JsonataEnvironmentTests
{
    [Fact]
    public void BindObject_MembersWithAParent_AreReadInPlaceAndNotModified()
    {
        var owner = JsonNode.Parse("""{"payload": {"i": 1, "items": [{"n": "a"}, {"n": "b"}]}, "ctx": {"Name": "x"}}""")!;
        var before = owner.ToJsonString();
        var environment = new JsonataEnvironment().BindObject("states", [new("input", owner["payload"]), new("context", owner["ctx"])]);

        var expression = JsonataExpression.Parse("""{"i": $states.input.i + 1, "names": $states.input.items.n, "ctx": $states.context.Name}""");

        Assert.Equal("""{"i":2,"names":["a","b"],"ctx":"x"}""", expression.Evaluate(null, environment)!.ToJsonString());
        Assert.Equal(before, owner.ToJsonString());
        Assert.Same(owner, owner["payload"]!.Parent);
    }

    [Fact]
    public void BindObject_WholeObject_KeepsMemberOrderAndReturnsADetachedCopy()
    {
        var input = JsonNode.Parse("""{"a": [1, 2]}""")!;
        var environment = new JsonataEnvironment().BindObject("states", [new("input", input), new("result", JsonValue.Create("r"))]);

        var keys = JsonataExpression.Parse("$keys($states)").Evaluate(null, environment)!;
        var whole = JsonataExpression.Parse("$states").Evaluate(null, environment)!;
        whole["input"]!["a"]!.AsArray().Add(3);

        Assert.Equal("""["input","result"]""", keys.ToJsonString());
        Assert.Equal("""{"input":{"a":[1,2,3]},"result":"r"}""", whole.ToJsonString());
        Assert.Equal("""{"a":[1,2]}""", input.ToJsonString());
    }

    [Fact]
    public void Bind_NumbersHeldAsClrIntegers_AreNumbers()
    {
        var environment = new JsonataEnvironment()
            .Bind("long", JsonValue.Create(9_007_199_254_740_000L))
            .Bind("int", JsonValue.Create(41))
            .Bind("obj", new JsonObject { ["n"] = JsonValue.Create(2L) });

        var result = JsonataExpression.Parse("[$long + 1, $int + 1, $obj.n * 2, $type($int)]").Evaluate(null, environment)!;

        Assert.Equal("""[9007199254740001,42,4,"number"]""", result.ToJsonString());
    }

    [Fact]
    public void Evaluate_ClockIsReadOnlyWhenTheExpressionAsksForTheTime_AndOnceAtMost()
    {
        var reads = 0;
        var environment = new JsonataEnvironment
        {
            Clock = () =>
            {
                reads++;
                return new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
            },
        };

        JsonataExpression.Parse("1 + 1").Evaluate(null, environment);
        Assert.Equal(0, reads);

        var result = JsonataExpression.Parse("[$now(), $millis(), $now()]").Evaluate(null, environment)!;
        Assert.Equal(1, reads);
        Assert.Equal("""["2024-05-06T07:08:09.000Z",1714979289000,"2024-05-06T07:08:09.000Z"]""", result.ToJsonString());
    }

    [Fact]
    public void Evaluate_ArrayParameterGivenASingleValue_WrapsItAndStillChecksItemTypes()
    {
        Assert.Equal("3", JsonataExpression.Parse("$sum(3)").Evaluate(null)!.ToJsonString());
        Assert.Equal("6", JsonataExpression.Parse("$sum([1, 2, 3])").Evaluate(null)!.ToJsonString());
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("$sum([1, 'a'])").Evaluate(null));
        Assert.Equal("T0412", e.Code);
    }

    [Theory]
    [InlineData("$states.input.order.id", "\"o-1\"")]
    [InlineData("$states.input.items.n", "[\"a\",\"b\"]")]
    [InlineData("$states.input.items", "[{\"n\":\"a\"},{\"n\":\"b\"}]")]
    [InlineData("$states.input.one.n", "\"c\"")]
    [InlineData("$states.input.empty", "[]")]
    [InlineData("$states.input.price", "1.5")]
    [InlineData("$states.input", "{\"order\":{\"id\":\"o-1\"},\"items\":[{\"n\":\"a\"},{\"n\":\"b\"}],\"one\":[{\"n\":\"c\"}],\"empty\":[],\"price\":1.50,\"nothing\":null}")]
    [InlineData("$states.input.nothing", "null")]
    [InlineData("$states.input.nothing.x", null)]
    [InlineData("$states.input.missing.x", null)]
    [InlineData("$states.input.order.id.x", null)]
    [InlineData("$unbound.x", null)]
    public void Evaluate_PathFromABoundVariable_GivesTheGeneralEvaluatorsAnswer(string text, string? expected)
    {
        var input = JsonNode.Parse("""{"order": {"id": "o-1"}, "items": [{"n": "a"}, {"n": "b"}], "one": [{"n": "c"}], "empty": [], "price": 1.50, "nothing": null}""");
        var environment = new JsonataEnvironment().BindObject("states", [new("input", input)]);

        var defined = JsonataExpression.Parse(text).TryEvaluate(null, environment, out var result);

        Assert.Equal(expected is not null, defined);
        Assert.Equal(expected, defined ? (result?.ToJsonString() ?? "null") : null);
    }

    [Fact]
    public void Evaluate_LargeBoundObject_FindsEveryMemberRepeatedly()
    {
        var input = new JsonObject();
        for (var i = 0; i < 40; i++)
        {
            input["k" + i] = i;
        }

        var environment = new JsonataEnvironment().Bind("big", input);
        var expression = JsonataExpression.Parse("$sum([$big.k0, $big.k9, $big.k17, $big.k39, $big.k39])");

        Assert.Equal("104", expression.Evaluate(null, environment)!.ToJsonString());
        Assert.Equal("104", expression.Evaluate(null, environment)!.ToJsonString());
    }

    [Theory]
    [InlineData("$states.input.i + 1")]
    [InlineData("$states.input.i - $states.input.f * 2 / 4 % 3")]
    [InlineData("$states.input.i < $states.input.limit")]
    [InlineData("$states.input.i >= 5")]
    [InlineData("$states.input.s = 'abc'")]
    [InlineData("$states.input.s != $states.input.t")]
    [InlineData("$states.input.s < $states.input.t")]
    [InlineData("$states.input.s & '-' & $states.input.t")]
    [InlineData("$states.input.i & 'x'")]
    [InlineData("$states.input.s + 1")]
    [InlineData("$states.input.i < 'a'")]
    [InlineData("$states.input.missing + 1")]
    [InlineData("$states.input.missing < 1")]
    [InlineData("$states.input.missing = 1")]
    [InlineData("$states.input.nums + 1")]
    [InlineData("$states.input.nums = 1")]
    [InlineData("$states.input.one + 1")]
    [InlineData("$states.input.b = true")]
    [InlineData("$states.input.nothing = null")]
    [InlineData("$states.input.big * 1e10")]
    [InlineData("$unbound + 1")]
    [InlineData("'abc'")]
    [InlineData("42")]
    public void Evaluate_OperatorsOverBoundPaths_MatchTheGeneralEvaluator(string text)
    {
        var input = JsonNode.Parse("""{"i": 5, "f": 2.5, "limit": 10000, "s": "abc", "t": "abd", "nums": [1, 2], "one": [7], "b": true, "nothing": null, "big": 1e300}""");
        var environment = new JsonataEnvironment().BindObject("states", [new("input", input)]);

        // a block around the expression always goes through the general evaluator
        var direct = Outcome(() => JsonataExpression.Parse(text).EvaluateResult(null, environment));
        var general = Outcome(() => JsonataExpression.Parse("(" + text + ")").EvaluateResult(null, environment));

        Assert.Equal(general, direct);
    }

    private static string Outcome(Func<JsonataResult> evaluate)
    {
        try
        {
            var result = evaluate();
            var text = result.Value is JsonValue v && v.TryGetValue<double>(out var d) && !double.IsFinite(d)
                ? d.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : result.Value?.ToJsonString() ?? "null";
            return result.Kind + ":" + text;
        }
        catch (JsonataException e)
        {
            return "error:" + e.Code;
        }
    }
}
