using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

public sealed class JavaScriptLambdaHandlerTests
{
    private static JavaScriptLambdaOptions Options(FakeTimeProvider? time = null, List<string>? log = null) => new()
    {
        FunctionName = "fn",
        TimeProvider = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        Log = log is null ? null : log.Add,
    };

    private static LambdaOutcome Run(JavaScriptLambdaHandler handler, string payloadJson)
    {
        var task = handler.InvokeAsync(JsonNode.Parse(payloadJson)).AsTask();
        Assert.True(task.IsCompleted, "the handler should settle without waiting");
        return task.Result;
    }

    private static string Succeeded(LambdaOutcome outcome)
    {
        Assert.False(outcome is LambdaOutcome.Failed, outcome.ToString());
        return Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload?.ToJsonString() ?? "null";
    }

    [Fact]
    public void InvokeAsync_SeedFirstLambda_ReturnsEventThroughCallback()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(SeedTemplate.InlineCode("FirstLambda"), Options());

        Assert.Equal("{\"Message\":\"Your message here\"}", Succeeded(Run(handler, "{\"Message\": \"Your message here\"}")));
    }

    [Fact]
    public void InvokeAsync_SeedSecondLambdaWithoutFoo_FailsAsRecordedInSeedHistory()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(SeedTemplate.InlineCode("SecondLambda"), Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler,
            "{\"Message\":\"Your message here\",\"output\":[{\"Message\":\"Your message here\"}]}"));

        // shared/seed/sample_execution_history.json, event 24 (LambdaFunctionFailed).
        Assert.Equal("Lambda.Unknown", failed.Error);
        Assert.Equal("The cause could not be determined because Lambda did not return an error type.", failed.Cause);
    }

    [Fact]
    public void InvokeAsync_SeedSecondLambdaWithFoo_Succeeds()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(SeedTemplate.InlineCode("SecondLambda"), Options());

        Assert.Equal("{\"foo\":1}", Succeeded(Run(handler, "{\"foo\":1}")));
    }

    [Fact]
    public void InvokeAsync_WorkloadIdentity_ReturnsInputUnchanged()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(RepoPaths.InShared("workloads", "lambdas", "identity.js"), Options());
        const string input = "{\"i\":7,\"s\":\"h\u00e9llo \ud83d\ude00\",\"n\":null,\"a\":[1,2.5,true,{\"x\":-3}],\"big\":9007199254740993,\"neg0\":-0}";

        // The event comes back as it went in, number text and all (-0, 2^53+1, unicode).
        var actual = Assert.IsType<LambdaOutcome.Succeeded>(Run(handler, input)).Payload;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), actual), actual!.ToJsonString());
        Assert.Equal("h\u00e9llo \ud83d\ude00", (string?)actual["s"]);
        Assert.Equal("-0", actual["neg0"]!.ToJsonString());
        Assert.Equal("9007199254740993", actual["big"]!.ToJsonString());
    }

    [Fact]
    public void InvokeAsync_WorkloadFail3ThenSucceed_KeepsModuleStateAcrossCalls()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(RepoPaths.InShared("workloads", "lambdas", "fail3-then-succeed.js"), Options());

        for (var k = 1; k <= 3; k++)
        {
            var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{\"i\":5}"));
            Assert.Equal("Transient", failed.Error);
            var cause = JsonNode.Parse(failed.Cause!)!.AsObject();
            Assert.Equal(["errorType", "errorMessage", "trace"], cause.Select(p => p.Key));
            Assert.Equal("Transient", (string?)cause["errorType"]);
            Assert.Equal($"attempt {k} of i=5", (string?)cause["errorMessage"]);
            Assert.StartsWith("{\"errorType\":\"Transient\",\"errorMessage\":\"attempt", failed.Cause, StringComparison.Ordinal);
        }

        Assert.Equal("{\"attempts\":4}", Succeeded(Run(handler, "{\"i\":5}")));

        var fatal = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{\"i\":99}"));
        Assert.Equal("Fatal", fatal.Error);
        var fatalCause = JsonNode.Parse(fatal.Cause!)!;
        Assert.Equal("permanent failure i=99", (string?)fatalCause["errorMessage"]);
        // As Node writes it: the header from when the error was made, then the handler's frame (runtime frames left out).
        Assert.Equal("Error: permanent failure i=99", (string?)fatalCause["trace"]![0]);
        Assert.All(fatalCause["trace"]!.AsArray().Skip(1), line => Assert.StartsWith("    at ", (string?)line, StringComparison.Ordinal));
        Assert.DoesNotContain("lambda-runtime.js", fatal.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exports.handler = async (e) => ({ got: e.v });")]
    [InlineData("exports.handler = (e) => Promise.resolve({ got: e.v });")]
    [InlineData("exports.handler = (e, ctx, cb) => cb(null, { got: e.v });")]
    [InlineData("exports.handler = (e, ctx) => ctx.succeed({ got: e.v });")]
    [InlineData("exports.handler = (e, ctx) => ctx.done(null, { got: e.v });")]
    [InlineData("module.exports.handler = async (e) => { await null; return { got: e.v }; };")]
    [InlineData("module.exports = { handler: (e, c, cb) => setTimeout(() => cb(null, { got: e.v }), 0) };")]
    public void InvokeAsync_HandlerStyles_ReturnTheSameResult(string code)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());

        Assert.Equal("{\"got\":1}", Succeeded(Run(handler, "{\"v\":1}")));
    }

    [Fact]
    public void InvokeAsync_HandlerSettingPicksNamedExport()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.lambdaHandler = async () => 'picked'; exports.handler = async () => 'default';",
            Options() with { Handler = "app.lambdaHandler" });

        Assert.Equal("\"picked\"", Succeeded(Run(handler, "{}")));
    }

    [Fact]
    public void InvokeAsync_MissingExport_FailsWithHandlerNotFound()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.other = () => 1;", Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}"));

        Assert.Equal("Runtime.HandlerNotFound", failed.Error);
        Assert.Contains("index.handler is undefined or not exported", failed.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throw 'boom';", "string", "{\"errorType\":\"string\",\"errorMessage\":\"boom\",\"trace\":[]}")]
    [InlineData("throw 42;", "number", "{\"errorType\":\"number\",\"errorMessage\":\"42\",\"trace\":[]}")]
    [InlineData("throw { a: 1 };", "object", "{\"errorType\":\"object\",\"errorMessage\":\"[object Object]\",\"trace\":[]}")]
    [InlineData("throw null;", "handled", "{\"errorType\":\"handled\",\"errorMessage\":\"callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack\"}")]
    public void InvokeAsync_ThrownNonErrorValue_ReportedAsNodeRuntimeDoes(string statement, string error, string cause)
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => { " + statement + " };", Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}"));

        Assert.Equal(error, failed.Error);
        Assert.Equal(cause, failed.Cause);
    }

    [Theory]
    [InlineData("exports.handler = () => { throw new TypeError('bad'); };", "TypeError")]
    [InlineData("exports.handler = (e, c, cb) => cb(new RangeError('bad'));", "RangeError")]
    [InlineData("exports.handler = (e, c) => c.fail(new Error('bad'));", "Error")]
    [InlineData("class Custom extends Error { constructor(m) { super(m); this.name = 'Custom'; } } exports.handler = async () => { throw new Custom('bad'); };", "Custom")]
    public void InvokeAsync_ErrorObjects_ReportNameAndMessage(string code, string error)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}"));

        Assert.Equal(error, failed.Error);
        var cause = JsonNode.Parse(failed.Cause!)!;
        Assert.Equal(error, (string?)cause["errorType"]);
        Assert.Equal("bad", (string?)cause["errorMessage"]);
        Assert.NotEmpty(cause["trace"]!.AsArray());
    }

    [Fact]
    public void InvokeAsync_ContextFields_AreThoseOfTheInvocation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = 0;
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async (e, ctx) => ({ name: ctx.functionName, id: ctx.awsRequestId, left: ctx.getRemainingTimeInMillis(), env: process.env.STAGE, arn: ctx.invokedFunctionArn, now: Date.now() });",
            Options(time) with { Timeout = TimeSpan.FromSeconds(10), RequestIdFactory = () => "req-" + ++ids, Environment = new Dictionary<string, string> { ["STAGE"] = "test" } });

        var result = JsonNode.Parse(Succeeded(Run(handler, "{}")))!;

        Assert.Equal("fn", (string?)result["name"]);
        Assert.Equal("req-1", (string?)result["id"]);
        Assert.Equal(10000, (long)result["left"]!);
        Assert.Equal("test", (string?)result["env"]);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:fn", (string?)result["arn"]);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), (long)result["now"]!);
    }

    [Fact]
    public void InvokeAsync_ConsoleLog_IsCapturedNotPrinted()
    {
        var log = new List<string>();
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async (e) => { console.log('got %s and %d', 'x', 5, { a: 1 }); console.error('oops'); return 1; };",
            Options(log: log));

        Run(handler, "{}");

        Assert.Equal(["INFO got x and 5 {\"a\":1}", "ERROR oops"], log);
    }

    [Fact]
    public void InvokeAsync_UnknownModule_FailsLikeNodeAtLoad()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("const aws = require('aws-sdk'); exports.handler = async () => 1;", Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}"));

        Assert.Equal("Runtime.ImportModuleError", failed.Error);
        Assert.Contains("Error: Cannot find module 'aws-sdk'", failed.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeAsync_UnknownModuleInsideHandler_IsAnErrorOfTheCall()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => require('left-pad');", Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}"));

        Assert.Equal("Error", failed.Error);
        Assert.Contains("Cannot find module 'left-pad'", (string?)JsonNode.Parse(failed.Cause!)!["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeAsync_BuiltinModules_AreAvailable()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "const util = require('node:util'); const { randomUUID } = require('crypto'); const t = require('timers/promises');" +
            "exports.handler = async () => { await t.setTimeout(0); return [util.format('%s-%d', 'a', 1), typeof randomUUID()]; };",
            Options());

        Assert.Equal("[\"a-1\",\"string\"]", Succeeded(Run(handler, "{}")));
    }

    [Fact]
    public void InvokeAsync_SyntaxError_FailsWithUserCodeSyntaxError()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => {", Options());

        Assert.Equal("Runtime.UserCodeSyntaxError", Assert.IsType<LambdaOutcome.Failed>(Run(handler, "{}")).Error);
    }

    [Fact]
    public void InvokeAsync_UndefinedResult_IsNull()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => undefined;", Options());

        Assert.Null(Assert.IsType<LambdaOutcome.Succeeded>(Run(handler, "{}")).Payload);
    }

    [Fact]
    public void InvokeAsync_ResultValues_ConvertAsJsonStringify()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async () => ({ f: 0.1, e: 1e21, s: 1e-7, u: undefined, fn() {}, arr: [undefined, () => 1], d: new Date(0), nan: NaN });",
            Options());

        Assert.Equal("{\"f\":0.1,\"e\":1e+21,\"s\":1e-7,\"arr\":[null,null],\"d\":\"1970-01-01T00:00:00.000Z\",\"nan\":null}",
            Succeeded(Run(handler, "{}")));
    }
}
