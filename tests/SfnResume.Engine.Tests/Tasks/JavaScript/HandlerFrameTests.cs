using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>
/// The stack lines of errors the engine itself records: the handler's own frame is named as the runtime's call
/// <c>handler(event, context, callback)</c> names it, frames of other functions keep their names, the runtime's
/// line is left out of the error document, and columns on a file's first line are the file's own (not counting the
/// CommonJS wrapper the file is parsed in).
/// </summary>
public sealed class HandlerFrameTests
{
    private static JavaScriptLambdaOptions Options() => new()
    {
        FunctionName = "fn",
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static async Task<string[]> TraceOf(string code)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());
        var outcome = await handler.InvokeAsync(JsonNode.Parse("{}"));
        var failed = Assert.IsType<LambdaOutcome.Failed>(outcome);
        return [.. JsonNode.Parse(failed.Cause!)!["trace"]!.AsArray().Select(line => (string)line!)];
    }

    [Theory]
    [InlineData("exports.handler = async (event) => { throw new Error('a'); };", "Error: a|    at handler (/var/task/index.js:1:44)")]
    [InlineData("exports.handler = (event) => { throw new TypeError('b'); };", "TypeError: b|    at handler (/var/task/index.js:1:38)")]
    [InlineData("exports.handler = async function named(event) { throw new Error('c'); };", "Error: c|    at named (/var/task/index.js:1:55)")]
    [InlineData("async function handler(event) { throw new Error('d'); }\nexports.handler = handler;", "Error: d|    at handler (/var/task/index.js:1:39)")]
    [InlineData("const inner = () => { throw new Error('e'); };\nexports.handler = async (event) => inner();", "Error: e|    at inner (/var/task/index.js:1:29)|    at handler (/var/task/index.js:2:36)")]
    [InlineData("exports.handler = async (event) => [1].map(() => { throw new Error('f'); });", "Error: f|    at map (/var/task/index.js:1:58)|    at handler (/var/task/index.js:1:36)")]
    [InlineData("exports.handler = async (event) => {\n  throw new Error(\n    'g');\n};", "Error: g|    at handler (/var/task/index.js:3:9)")]
    [InlineData("exports.handler = async (event) => { await null; throw new Error('h'); };", "Error: h|    at /var/task/index.js:1:56")]
    public async Task Trace_NamesTheHandlersFrame(string code, string expected)
    {
        Assert.Equal(expected.Split('|'), await TraceOf(code));
    }

    [Fact]
    public async Task Stack_ReadByTheHandler_ShowsItsFrameAndTheRuntimesCall()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async (event) => new Error('x').stack;", Options());

        var outcome = Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal("    at handler (/var/task/index.js:1:36)\n    at invoke (lambda-runtime.js)", (string)outcome.Payload!);
    }

    [Fact]
    public async Task SyncThrow_AfterTheCallbackSettled_KeepsTheResult()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = (event, context, callback) => { callback(null, 'done'); throw new Error('late'); };", Options());

        var outcome = Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal("done", (string)outcome.Payload!);
    }

    [Fact]
    public async Task SyncThrow_OfAString_IsReportedAsTheRuntimeDoes()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = () => { throw 'plain'; };", Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal("string", failed.Error);
        Assert.Equal("{\"errorType\":\"string\",\"errorMessage\":\"plain\",\"trace\":[]}", failed.Cause);
    }

    [Fact]
    public async Task SyncThrow_LeavesTheEngineReadyForTheNextCall()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let n = 0; exports.handler = (event) => { n++; if (n === 1) throw new Error('first'); return Promise.resolve(n); };", Options());

        Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{}")));
        var second = Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal(2, (long)second.Payload!);
    }

    [Fact]
    public async Task Trace_InARequiredFile_HasThatFilesOwnColumns()
    {
        var directory = Directory.CreateTempSubdirectory("sfn-frames-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "lib.js"), "exports.check = (v) => { throw new RangeError('v=' + v); };");
            File.WriteAllText(Path.Combine(directory.FullName, "index.js"), "const lib = require('./lib');\nexports.handler = async (event) => lib.check(7);");
            using var handler = JavaScriptLambdaHandler.FromFile(Path.Combine(directory.FullName, "index.js"), Options());

            var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{}")));

            var trace = JsonNode.Parse(failed.Cause!)!["trace"]!.AsArray().Select(line => (string)line!).ToArray();
            Assert.Equal(
                ["RangeError: v=7", $"    at lib.check ({directory.FullName}/lib.js:1:32)", $"    at handler ({directory.FullName}/index.js:2:36)"],
                trace);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
