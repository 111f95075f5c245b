using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>The trace of a rejected error as the Node.js runtime writes it, for stacks a handler rewrote itself.</summary>
public sealed class ErrorTraceTests
{
    private static JavaScriptLambdaOptions Options() => new()
    {
        FunctionName = "fn",
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static JsonArray TraceOf(string stackExpression)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async () => { const e = new Error('m'); e.name = 'Custom'; e.stack = " + stackExpression + "; throw e; };",
            Options());
        var outcome = handler.InvokeAsync(JsonNode.Parse("{}")).AsTask().Result;
        var failed = Assert.IsType<LambdaOutcome.Failed>(outcome);
        Assert.Equal("Custom", failed.Error);
        return JsonNode.Parse(failed.Cause!)!["trace"]!.AsArray();
    }

    private static string[] Lines(JsonArray trace) => [.. trace.Select(line => (string)line!)];

    [Fact]
    public void Trace_StackWithItsOwnHeader_IsKeptWithoutEmptyLines()
    {
        Assert.Equal(["Custom: written", "    at f (x.js:1:1)"], Lines(TraceOf("'Custom: written\\n\\n    at f (x.js:1:1)\\n'")));
    }

    [Fact]
    public void Trace_FramesOnly_GetsTheHeaderOfTheErrorsPrototype()
    {
        Assert.Equal(["Error: m", "    at f (x.js:1:1)", "    at g (y.js:2:2)"],
            Lines(TraceOf("'    at f (x.js:1:1)\\n    at g (y.js:2:2)'")));
    }

    [Fact]
    public void Trace_EmptyStack_IsTheHeaderAlone()
    {
        Assert.Equal(["Error: m"], Lines(TraceOf("''")));
    }

    [Fact]
    public void Trace_RuntimeFramesAreLeftOut()
    {
        Assert.Equal(["Error: m", "    at f (x.js:1:1)"],
            Lines(TraceOf("'    at invoke (lambda-runtime.js:3:3)\\n    at f (x.js:1:1)'")));
    }

    [Theory]
    [InlineData("'m'", "'    at f (x.js:1:1)'", "{\"errorType\":\"Custom\",\"errorMessage\":\"m\",\"trace\":[\"Error: m\",\"    at f (x.js:1:1)\"]}")]
    [InlineData("''", "'    at f (x.js:1:1)'", "{\"errorType\":\"Custom\",\"errorMessage\":\"\",\"trace\":[\"Error\",\"    at f (x.js:1:1)\"]}")]
    [InlineData("'say \"hi\"'", "'    at f (x.js:1:1)'", "{\"errorType\":\"Custom\",\"errorMessage\":\"say \\\"hi\\\"\",\"trace\":[\"Error: say \\\"hi\\\"\",\"    at f (x.js:1:1)\"]}")]
    [InlineData("'m'", "'    at f (C:\\\\x.js:1:1)'", "{\"errorType\":\"Custom\",\"errorMessage\":\"m\",\"trace\":[\"Error: m\",\"    at f (C:\\\\x.js:1:1)\"]}")]
    [InlineData("'m'", "'Custom: m\\n    at f (x.js:1:1)'", "{\"errorType\":\"Custom\",\"errorMessage\":\"m\",\"trace\":[\"Custom: m\",\"    at f (x.js:1:1)\"]}")]
    [InlineData("'m'", "'\\n\\n'", "{\"errorType\":\"Custom\",\"errorMessage\":\"m\",\"trace\":[\"Error: m\"]}")]
    public async Task Document_IsWhatTheNodeRuntimeWrites(string messageExpression, string stackExpression, string expected)
    {
        // Plain text is written in one pass; text that needs escaping takes the general writer; both give this document.
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async () => { const e = new Error(" + messageExpression + "); e.name = 'Custom'; e.stack = " + stackExpression + "; throw e; };",
            Options());
        var outcome = await handler.InvokeAsync(JsonNode.Parse("{}"));

        Assert.Equal(expected, Assert.IsType<LambdaOutcome.Failed>(outcome).Cause);
    }

    [Fact]
    public void Trace_DeepStack_KeepsEveryFrame()
    {
        var frames = string.Join("\\n", Enumerable.Range(1, 40).Select(i => $"    at f{i} (x.js:{i}:1)"));

        var lines = Lines(TraceOf("'" + frames + "'"));

        Assert.Equal(41, lines.Length);
        Assert.Equal("Error: m", lines[0]);
        Assert.Equal("    at f40 (x.js:40:1)", lines[40]);
    }

    [Theory]
    [InlineData("({ toJSON: () => ({ a: 1 }) })", "{\"a\":1}")]
    [InlineData("Object.assign([1, 2], { toJSON: () => 'arr' })", "\"arr\"")]
    [InlineData("({ a: [1, { b: true }], c: undefined })", "{\"a\":[1,{\"b\":true}]}")]
    public async Task Result_WithToJson_IsWhatJsonStringifyWrites(string expression, string expected)
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => " + expression + ";", Options());
        var outcome = await handler.InvokeAsync(JsonNode.Parse("{}"));

        Assert.Equal(expected, Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
    }
}
