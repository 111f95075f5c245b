using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

public sealed class JsonataExpressionTests
{
    [Fact]
    public void TryParse_reports_the_code_position_and_token_of_a_syntax_error()
    {
        Assert.False(JsonataExpression.TryParse("$sum(1,", out var expression, out var error));
        Assert.Null(expression);
        Assert.Equal("S0203", error.Code);
        Assert.True(error.Position > 0);
    }

    [Fact]
    public void Evaluation_errors_carry_the_reference_wording()
    {
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("'a' + 1").Evaluate(null));
        Assert.Equal("T2001", e.Code);
        Assert.Equal("+", e.Token);
        Assert.Equal("T2001: The left side of the \"+\" operator must evaluate to a number", e.CauseText);
    }

    [Fact]
    public void Calling_a_non_function_gives_the_message_aws_reports()
    {
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("$randomSeeded(1)").Evaluate(null));
        Assert.Equal("T1006: Attempted to invoke a non-function", e.CauseText);
    }

    [Fact]
    public void Undefined_results_are_reported_by_TryEvaluate()
    {
        var expression = JsonataExpression.Parse("missing");
        Assert.False(expression.TryEvaluate(JsonNode.Parse("{}"), null, out var result));
        Assert.Null(result);
        Assert.True(JsonataExpression.Parse("null").TryEvaluate(null, null, out var nullResult));
        Assert.Null(nullResult);
    }

    [Fact]
    public void Input_is_not_mutated_and_results_are_detached()
    {
        var input = JsonNode.Parse("""{"a": {"b": [1, 2]}, "c": 1}""")!;
        var before = input.ToJsonString();
        var result = JsonataExpression.Parse("$ ~> |a|{'x': 1}, ['b']|").Evaluate(input)!;
        Assert.Equal(before, input.ToJsonString());
        Assert.Equal("""{"a":{"x":1},"c":1}""", result.ToJsonString());
        var copy = JsonataExpression.Parse("a").Evaluate(input)!;
        new JsonObject { ["moved"] = copy };
        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void Integers_print_without_a_fraction()
    {
        Assert.Equal("3", JsonataExpression.Parse("1.5 * 2").Evaluate(null)!.ToJsonString());
        Assert.Equal("\"0.3\"", JsonataExpression.Parse("$string(0.1 + 0.2)").Evaluate(null)!.ToJsonString());
        Assert.Equal("0.30000000000000004", JsonataExpression.Parse("0.1 + 0.2").Evaluate(null)!.ToJsonString());
    }

    [Fact]
    public void Deep_recursion_fails_with_U1001_instead_of_crashing()
    {
        var environment = new JsonataEnvironment { MaxDepth = 500 };
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("($f := function($n){ $n + $f($n - 1) }; $f(1))").Evaluate(null, environment));
        Assert.Equal("U1001", e.Code);
    }

    [Fact]
    public void EvaluateResult_distinguishes_values_undefined_and_functions()
    {
        Assert.Equal(JsonataResultKind.Function, JsonataExpression.Parse("$fn := function($x){$x}").EvaluateResult(null).Kind);
        Assert.Equal(JsonataResultKind.Undefined, JsonataExpression.Parse("$doesNotExist").EvaluateResult(null).Kind);
        var value = JsonataExpression.Parse("{'foo': 'bar'}").EvaluateResult(null);
        Assert.Equal(JsonataResultKind.Value, value.Kind);
        Assert.Equal("""{"foo":"bar"}""", value.Value!.ToJsonString());
    }
}
