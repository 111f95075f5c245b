using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.Jsonata;

namespace SfnResume.Core.Tests.Expressions.Jsonata;

public sealed class GuardAndRegexTests
{
    [Fact]
    public void A_non_terminating_tail_call_stops_at_the_time_limit()
    {
        var environment = new JsonataEnvironment
        {
            TimeLimit = TimeSpan.FromSeconds(1),
            TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(10)),
        };
        var e = Assert.Throws<JsonataException>(() => JsonataExpression.Parse("($f := function($n){ $f($n + 1) }; $f(0))").Evaluate(null, environment));
        Assert.Equal("U1001", e.Code);
        Assert.Contains("timeout", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""$match("a١2", /\d/).match""", "\"2\"")]
    [InlineData("""$contains("abc\n", /c$/)""", "false")]
    [InlineData("""$contains("abc", /c$/)""", "true")]
    [InlineData("""$match("ab\ncd", /^c/m).index""", "3")]
    [InlineData("""$replace("a/b", /\//, "-")""", "\"a-b\"")]
    [InlineData("""$split("a1b2c", /[\d]/)""", "[\"a\",\"b\",\"c\"]")]
    public void Regular_expressions_follow_javascript_semantics(string expression, string expected) =>
        Assert.Equal(expected, JsonataExpression.Parse(expression).Evaluate(null)!.ToJsonString());

    [Fact]
    public void A_regex_matching_the_empty_string_repeatedly_is_D1004() =>
        Assert.Equal("D1004", Assert.Throws<JsonataException>(() => JsonataExpression.Parse("""$match("aaa", /a*?/)""").Evaluate(null)).Code);

    [Fact]
    public void Concurrent_evaluations_share_one_parsed_expression_and_environment()
    {
        var expression = JsonataExpression.Parse("$sum($states.input.items.price)");
        var environment = new JsonataEnvironment().Bind("states", JsonNode.Parse("""{"input": {"items": [{"price": 1}, {"price": 2}, {"price": 3}]}}"""));
        var results = new string?[64];
        Parallel.For(0, results.Length, i => results[i] = expression.Evaluate(null, environment)?.ToJsonString());
        Assert.All(results, r => Assert.Equal("6", r));
    }

    /// <summary>A timer that moves forward by a fixed step every time it is read.</summary>
    private sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
