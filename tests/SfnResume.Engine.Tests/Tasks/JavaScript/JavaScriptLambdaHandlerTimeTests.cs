using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Timers, timeouts and cancellation, driven by a fake clock.</summary>
public sealed class JavaScriptLambdaHandlerTimeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private JavaScriptLambdaOptions Options(Action<string>? log = null) => new()
    {
        FunctionName = "slow",
        TimeProvider = _time,
        Timeout = TimeSpan.FromSeconds(3),
        RequestIdFactory = () => "11111111-2222-4333-8444-555555555555",
        Log = log,
    };

    [Fact]
    public async Task InvokeAsync_TimerWithinTimeout_CompletesWhenClockReachesIt()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async (e) => { await new Promise(r => setTimeout(r, 1000)); return e; };", Options());

        var pending = handler.InvokeAsync(JsonNode.Parse("{\"a\":1}")).AsTask();
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var outcome = await pending;
        Assert.Equal("{\"a\":1}", Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_SleepPastFunctionTimeout_FailsWithSandboxTimedout()
    {
        // The corpus's "sleeps 60 s" function, with the function's own 3 s timeout passing first.
        using var handler = JavaScriptLambdaHandler.FromFile(ConformanceLambda("sleep-60s.js"), Options());

        var pending = handler.InvokeAsync(JsonNode.Parse("{}")).AsTask();
        _time.Advance(TimeSpan.FromSeconds(3));

        var failed = Assert.IsType<LambdaOutcome.Failed>(await pending);
        Assert.Equal("Sandbox.Timedout", failed.Error);
        Assert.Equal(
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: 11111111-2222-4333-8444-555555555555 Error: Task timed out after 3.00 seconds\"}",
            failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_StateTimeoutBeforeFunctionTimeout_IsTimedOut()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(ConformanceLambda("sleep-60s.js"), Options() with { Timeout = TimeSpan.FromSeconds(900) });

        var pending = handler.InvokeAsync(JsonNode.Parse("{}"), stateTimeout: TimeSpan.FromSeconds(4)).AsTask();
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.IsType<LambdaOutcome.TimedOut>(await pending);
    }

    [Fact]
    public async Task InvokeAsync_PromiseThatNeverSettles_RunsIntoTimeout()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = () => new Promise(() => {});", Options());

        var pending = handler.InvokeAsync(JsonNode.Parse("{}")).AsTask();
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("Sandbox.Timedout", Assert.IsType<LambdaOutcome.Failed>(await pending).Error);
    }

    [Fact]
    public void InvokeAsync_CallbackHandlerThatNeverCallsBack_CompletesWithNullWhenLoopDrains()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = (e, ctx, cb) => { };", Options());

        Assert.Null(Assert.IsType<LambdaOutcome.Succeeded>(Completed(handler.InvokeAsync(JsonNode.Parse("{}")))).Payload);
    }

    [Fact]
    public void InvokeAsync_BusyLoop_IsStoppedAtTimeoutAndEngineStaysUsable()
    {
        // The handler logs, the log sink moves the clock past the deadline, then the loop spins until the deadline
        // check between statements stops it.
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let n = 0; exports.handler = async (e) => { n++; if (e.spin) { console.log('spinning'); while (true) { } } return n; };",
            Options(line => { if (line.EndsWith("spinning", StringComparison.Ordinal)) { _time.Advance(TimeSpan.FromSeconds(3)); } }));

        var spun = Completed(handler.InvokeAsync(JsonNode.Parse("{\"spin\":true}")));
        Assert.Equal("Sandbox.Timedout", Assert.IsType<LambdaOutcome.Failed>(spun).Error);

        var next = Completed(handler.InvokeAsync(JsonNode.Parse("{}")));
        Assert.Equal("2", Assert.IsType<LambdaOutcome.Succeeded>(next).Payload!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_Cancelled_Throws()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(ConformanceLambda("sleep-60s.js"), Options());
        using var cts = new CancellationTokenSource();

        var pending = handler.InvokeAsync(JsonNode.Parse("{}"), null, cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public void InvokeAsync_LateCallbackFromEarlierCall_IsIgnored()
    {
        using var handler = JavaScriptLambdaHandler.FromCode(
            "let saved; exports.handler = (e, ctx, cb) => { if (saved) { saved(null, 'stale'); } saved = cb; if (e.now) cb(null, e.now); };",
            Options());

        Assert.Equal("1", Assert.IsType<LambdaOutcome.Succeeded>(Completed(handler.InvokeAsync(JsonNode.Parse("{\"now\":1}")))).Payload!.ToJsonString());
        Assert.Equal("2", Assert.IsType<LambdaOutcome.Succeeded>(Completed(handler.InvokeAsync(JsonNode.Parse("{\"now\":2}")))).Payload!.ToJsonString());
    }

    [Fact]
    public void InvokeAsync_FileHandler_RequiresFilesBesideIt()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(
            RepoPaths.InRoot("tests", "SfnResume.Engine.Tests", "testdata", "tasks", "modules", "handler.js"), Options());

        Completed(handler.InvokeAsync(JsonNode.Parse("{\"name\":\"x\"}")));
        var outcome = Completed(handler.InvokeAsync(JsonNode.Parse("{\"name\":\"ada\"}")));

        Assert.Equal("{\"text\":\"hello ada\",\"stage\":\"local\",\"twice\":4,\"calls\":2}",
            Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_ConcurrentCalls_RunOneAfterAnother()
    {
        var log = new List<string>();
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = JavaScriptLambdaHandler.FromCode(
            "exports.handler = async (e) => { const t = new Promise(r => setTimeout(r, 1000)); console.log('start ' + e.n); await t; console.log('end ' + e.n); return e.n; };",
            Options(line =>
            {
                log.Add(line);
                if (line == "INFO start 2")
                {
                    secondStarted.SetResult();
                }
            }));

        var first = handler.InvokeAsync(JsonNode.Parse("{\"n\":1}")).AsTask();
        var second = handler.InvokeAsync(JsonNode.Parse("{\"n\":2}")).AsTask();
        Assert.Equal(["INFO start 1"], log);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1", Assert.IsType<LambdaOutcome.Succeeded>(await first).Payload!.ToJsonString());
        // The second call starts on a thread-pool continuation once the first releases the handler; it may not have
        // begun waiting for its timer when the clock moves, so move it until the call completes.
        await secondStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100 && !second.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        Assert.Equal("2", Assert.IsType<LambdaOutcome.Succeeded>(await second).Payload!.ToJsonString());
        Assert.Equal(["INFO start 1", "INFO end 1", "INFO start 2", "INFO end 2"], log);
    }

    private static LambdaOutcome Completed(ValueTask<LambdaOutcome> pending)
    {
        Assert.True(pending.IsCompleted, "the handler should settle without waiting");
        return pending.Result;
    }

    private static string ConformanceLambda(string file) =>
        RepoPaths.InRoot("src", "SfnResume.Engine", "Tasks", "ConformanceLambdas", file);
}
