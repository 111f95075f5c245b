using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Handlers loaded from the same text share its parse, never its state.</summary>
public sealed class SharedScriptTests
{
    private const string Counter = "let n = 0; exports.handler = async () => ++n;";

    private static JavaScriptLambdaOptions Options() => new()
    {
        FunctionName = "fn",
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static string Result(JavaScriptLambdaHandler handler) =>
        Assert.IsType<LambdaOutcome.Succeeded>(Outcome(handler)).Payload!.ToJsonString();

    private static LambdaOutcome.Failed Failure(JavaScriptLambdaHandler handler) => Assert.IsType<LambdaOutcome.Failed>(Outcome(handler));

    // These handlers never wait, so each call has completed when it returns.
    private static LambdaOutcome Outcome(JavaScriptLambdaHandler handler)
    {
        var call = handler.InvokeAsync(JsonNode.Parse("{}"));
        Assert.True(call.IsCompleted);
        return call.Result;
    }

    [Fact]
    public void InvokeAsync_TwoHandlersFromTheSameCode_KeepTheirOwnModuleState()
    {
        using var first = JavaScriptLambdaHandler.FromCode(Counter, Options());
        using var second = JavaScriptLambdaHandler.FromCode(Counter, Options());

        Assert.Equal("1", Result(first));
        Assert.Equal("2", Result(first));
        Assert.Equal("1", Result(second));
        Assert.Equal("3", Result(first));
    }

    [Fact]
    public void InvokeAsync_SameCodeUnderTwoFileNames_EachTraceNamesItsOwnFile()
    {
        const string code = "exports.handler = async () => { throw new Error('x'); };";
        using var a = JavaScriptLambdaHandler.FromCode(code, Options(), "a.js");
        using var b = JavaScriptLambdaHandler.FromCode(code, Options(), "b.js");

        var causeA = Failure(a).Cause!;
        var causeB = Failure(b).Cause!;

        Assert.Contains("/var/task/a.js:1:", causeA, StringComparison.Ordinal);
        Assert.Contains("/var/task/b.js:1:", causeB, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeAsync_SameBrokenCodeTwice_FailsWithTheSyntaxErrorEachTime()
    {
        using var first = JavaScriptLambdaHandler.FromCode("exports.handler = async () => {", Options());
        using var second = JavaScriptLambdaHandler.FromCode("exports.handler = async () => {", Options());

        Assert.Equal("Runtime.UserCodeSyntaxError", Failure(first).Error);
        Assert.Equal("Runtime.UserCodeSyntaxError", Failure(second).Error);
    }
}
