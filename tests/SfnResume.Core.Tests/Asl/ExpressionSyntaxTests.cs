using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

public sealed class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("$", nameof(PathKind.ResultReference))]
    [InlineData("$.a.b[0]['c d']", nameof(PathKind.ResultReference))]
    [InlineData("$$.Execution.Id", nameof(PathKind.Reference))]
    [InlineData("$var.items[3]", nameof(PathKind.Reference))]
    [InlineData("$.a[*].b", nameof(PathKind.Any))]
    [InlineData("$..b", nameof(PathKind.Any))]
    [InlineData("$..[0]", nameof(PathKind.Any))]
    [InlineData("$.a[-1:]", nameof(PathKind.Any))]
    [InlineData("$.a[0,2]", nameof(PathKind.Any))]
    [InlineData("$['a','b']", nameof(PathKind.Any))]
    [InlineData("$.a[?(@.b == 'x]')]", nameof(PathKind.Any))]
    [InlineData("$.a.*", nameof(PathKind.Any))]
    public void CheckPath_WellFormed_Null(string path, string kind) =>
        Assert.Null(JsonPathSyntax.Check(path, Enum.Parse<PathKind>(kind)));

    [Theory]
    [InlineData("", nameof(PathKind.Any))]
    [InlineData("a.b", nameof(PathKind.Any))]
    [InlineData("$.", nameof(PathKind.Any))]
    [InlineData("$.a[", nameof(PathKind.Any))]
    [InlineData("$.a['b]", nameof(PathKind.Any))]
    [InlineData("$.a[x]", nameof(PathKind.Any))]
    [InlineData("$ .a", nameof(PathKind.Any))]
    [InlineData("$.a[?(@.b]", nameof(PathKind.Any))]
    [InlineData("$$.a", nameof(PathKind.ResultReference))]
    [InlineData("$v.a", nameof(PathKind.ResultReference))]
    [InlineData("$.a[*]", nameof(PathKind.Reference))]
    [InlineData("$..a", nameof(PathKind.Reference))]
    [InlineData("$.a[-1]", nameof(PathKind.Reference))]
    [InlineData("$['a','b']", nameof(PathKind.Reference))]
    public void CheckPath_Malformed_Message(string path, string kind) =>
        Assert.NotNull(JsonPathSyntax.Check(path, Enum.Parse<PathKind>(kind)));

    [Theory]
    [InlineData("States.UUID()")]
    [InlineData("States.Format('a {} b \\' \\{ \\} \\\\', $.x)")]
    [InlineData("States.Array(1, -2.5, true, null, 'x', $.a[0], $$.Map.Item.Index)")]
    [InlineData("States.StringToJson(States.JsonToString($.a))")]
    [InlineData("States.Format('{}', $['a b'])")]
    public void CheckIntrinsic_WellFormed_Null(string call) =>
        Assert.Null(IntrinsicSyntax.Check(call));

    [Theory]
    [InlineData("States.Nope()")]
    [InlineData("States.Format")]
    [InlineData("States.Format('a'")]
    [InlineData("States.Format('a \\\" b')")]
    [InlineData("States.Format('unterminated)")]
    [InlineData("States.Array(1 2)")]
    [InlineData("States.Array(bad)")]
    [InlineData("States.UUID() extra")]
    [InlineData("States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array(States.Array()))))))))))")]
    public void CheckIntrinsic_Malformed_Message(string call) =>
        Assert.NotNull(IntrinsicSyntax.Check(call));

    [Theory]
    [InlineData("$states.input")]
    [InlineData("$count([1,2,3]) > 1 ? 'a' : \"b\"")]
    [InlineData("{'k': $v}.k")]
    [InlineData("$x /* comment ) */ + 1")]
    [InlineData("`odd name`.x")]
    public void CheckJsonata_Balanced_Null(string expression) =>
        Assert.Null(JsonataSyntax.Check(expression));

    [Theory]
    [InlineData("", "Unexpected end of expression")]
    [InlineData("1 +", "Unexpected end of expression")]
    [InlineData("(1", "Expected \")\" before end of expression")]
    [InlineData("[1)", "Expected \"]\", got \")\"")]
    [InlineData("1)", "Unexpected \")\"")]
    [InlineData("\"abc", "String literal must be terminated by a matching quote")]
    [InlineData("/* open", "Comment has no closing tag")]
    public void CheckJsonata_Malformed_JsonataWording(string expression, string message) =>
        Assert.Equal(message, JsonataSyntax.Check(expression));

    [Fact]
    public void Options_ExpressionSyntax_IsTheSeamTheValidatorUses()
    {
        var strict = new AslValidationOptions { ExpressionSyntax = new RejectingSyntax() };

        var diagnostics = AslParser.Parse("""{"StartAt":"S","States":{"S":{"Type":"Pass","InputPath":"$.a","End":true}}}""", strict).Diagnostics;

        Assert.Equal("SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/S", Assert.Single(diagnostics).ToString());
    }

    private sealed class RejectingSyntax : IAslExpressionSyntax
    {
        public string? CheckPath(string path, PathKind kind) => "rejected";

        public string? CheckIntrinsic(string call) => "rejected";

        public string? CheckJsonata(string expression) => "rejected";
    }
}
