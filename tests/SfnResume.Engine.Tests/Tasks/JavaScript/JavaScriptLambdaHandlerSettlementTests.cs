using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>How a returned promise settles its invocation, and which invocation a late settlement belongs to.</summary>
public sealed class JavaScriptLambdaHandlerSettlementTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private JavaScriptLambdaOptions Options() => new() { FunctionName = "fn", TimeProvider = _time, Timeout = TimeSpan.FromSeconds(3) };

    private static string Payload(LambdaOutcome outcome) =>
        Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload?.ToJsonString() ?? "null";

    [Fact]
    public async Task InvokeAsync_PromiseOfTimedOutCallSettlesDuringLaterCalls_LaterCallsKeepTheirOwnResults()
    {
        // The first call's promise outlives it; the second call resolves it before returning its own value.
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let release; exports.handler = async (e) => { if (e.hang) { return new Promise((r) => { release = r; }); }"
            + " if (release) { release('stale'); release = undefined; } return e.v; };",
            Options());

        var first = handler.InvokeAsync(JsonNode.Parse("{\"hang\":true}")).AsTask();
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("Sandbox.Timedout", Assert.IsType<LambdaOutcome.Failed>(await first).Error);

        Assert.Equal("2", Payload(await handler.InvokeAsync(JsonNode.Parse("{\"v\":2}"))));
        Assert.Equal("3", Payload(await handler.InvokeAsync(JsonNode.Parse("{\"v\":3}"))));
    }

    [Theory]
    [InlineData("exports.handler = () => ({ then(ok) { ok(5); } });", "5")]
    [InlineData("exports.handler = () => ({ then: new Proxy(function () {}, { apply: (t, self, args) => args[0](6) }) });", "6")]
    public async Task InvokeAsync_HandlerReturnsThenableThatIsNotAPromise_SettlesWithWhatItPasses(string code, string expected)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());

        Assert.Equal(expected, Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
        Assert.Equal(expected, Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
    }

    [Fact]
    public async Task InvokeAsync_ModuleReplacesPromiseThen_ResultSettlesThroughTheReplacement()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "const then = Promise.prototype.then; let calls = 0;"
            + " Promise.prototype.then = function (a, b) { calls++; return then.call(this, a, b); };"
            + " exports.handler = async () => calls;",
            Options());

        Assert.Equal("0", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
        Assert.Equal("1", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
    }

    [Fact]
    public void SettledPromise_BindsToThisJintVersion()
    {
        // Otherwise every settled promise goes through a reaction: correct, but the fast path this suite checks is gone.
        Assert.True(SettledPromise.IsAvailable);
    }

    [Theory]
    [InlineData("exports.handler = async (e, context) => { Promise.resolve().then(() => context.succeed('job')); return 'own'; };", "\"job\"")]
    [InlineData("exports.handler = async (e, context) => { queueMicrotask(() => context.succeed('job')); return 'own'; };", "\"job\"")]
    [InlineData("exports.handler = async (e, context) => { Promise.resolve().then(() => Promise.resolve().then(() => context.succeed('late'))); return 'own'; };", "\"own\"")]
    [InlineData("exports.handler = async (e, context) => { Promise.resolve().then(() => context.fail(new Error('job'))); throw new Error('own'); };", "job")]
    public async Task InvokeAsync_JobQueuedBeforeTheHandlerReturned_RunsBeforeTheRuntimesReaction(string code, string expected)
    {
        // Node: the runtime's reaction to the returned (settled) promise queues behind the jobs already queued, and ahead of
        // the jobs those queue in turn.
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());

        var outcome = await handler.InvokeAsync(JsonNode.Parse("{}"));

        var text = outcome is LambdaOutcome.Failed failed ? JsonNode.Parse(failed.Cause!)!["errorMessage"]!.GetValue<string>() : Payload(outcome);
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("exports.handler = async (e, context, callback) => { callback(null, 'callback'); return 'promise'; };", "\"callback\"")]
    [InlineData("exports.handler = async (e, context) => { context.succeed('context'); return 'promise'; };", "\"context\"")]
    [InlineData("exports.handler = async (e, context) => { context.succeed('context'); throw new Error('promise'); };", "\"context\"")]
    public async Task InvokeAsync_SettledBeforeItsPromiseReturned_KeepsTheFirstSettlement(string code, string expected)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, Options());

        Assert.Equal(expected, Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
    }

    [Fact]
    public async Task InvokeAsync_SettledPromiseOfASubclass_ThenStillBuildsItsSpecies()
    {
        // then() constructs the promise's species for its result: a subclass constructor runs, and is seen by the next call.
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let made = 0; class P extends Promise { constructor(f) { made++; super(f); } }"
            + " exports.handler = () => P.resolve(made);",
            Options());

        Assert.Equal("0", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
        Assert.Equal("2", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
    }

    [Fact]
    public async Task InvokeAsync_PromiseWithOwnConstructorGetter_ThenReadsIt()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let reads = 0;"
            + " exports.handler = () => { const p = Promise.resolve(reads);"
            + " Object.defineProperty(p, 'constructor', { get() { reads++; return Promise; } }); return p; };",
            Options());

        Assert.Equal("0", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
        Assert.Equal("1", Payload(await handler.InvokeAsync(JsonNode.Parse("{}"))));
    }

    [Fact]
    public async Task InvokeAsync_RejectedWithNamedError_ReportsNameMessageAndHandlerFrame()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async (e) => { const x = new Error('attempt ' + e.k); x.name = 'Transient'; throw x; };",
            Options(),
            "flaky.js");

        var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{\"k\":1}")));

        Assert.Equal("Transient", failed.Error);
        Assert.Equal(
            "{\"errorType\":\"Transient\",\"errorMessage\":\"attempt 1\",\"trace\":[\"Error: attempt 1\",\"    at handler (/var/task/flaky.js:1:44)\"]}",
            failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_RejectedWithErrorWhoseStackHasNoHeader_GetsHeaderFromPrototype()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async () => { const x = new TypeError('bad'); x.stack = '    at somewhere (x.js:1:1)'; throw x; };",
            Options());

        var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal("TypeError", failed.Error);
        Assert.Equal(
            "{\"errorType\":\"TypeError\",\"errorMessage\":\"bad\",\"trace\":[\"TypeError: bad\",\"    at somewhere (x.js:1:1)\"]}",
            failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_ErrorWithPythonStackTrace_ReportsPythonDocument()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async () => { const x = new Error('boom'); x.name = 'ValueError'; x.stackTrace = ['  File \"f.py\", line 1']; throw x; };",
            Options() with { RequestIdFactory = () => "req-1" });

        var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(JsonNode.Parse("{}")));

        Assert.Equal("ValueError", failed.Error);
        Assert.StartsWith("{\"errorMessage\": \"boom\", \"errorType\": \"ValueError\"", failed.Cause, StringComparison.Ordinal);
    }
}
