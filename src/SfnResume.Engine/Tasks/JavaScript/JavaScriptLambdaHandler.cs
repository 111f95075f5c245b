using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>Runs a Node.js-style Lambda handler (CommonJS <c>exports.handler</c>) on Jint, in one warm engine whose
/// module state survives between calls. Calls are serialised: Jint engines are not thread safe.</summary>
/// <remarks>Supported: async/Promise handlers, callback handlers <c>(event, context, callback)</c>,
/// <c>context.succeed/fail/done</c>, <c>context.getRemainingTimeInMillis()</c>, the usual context fields,
/// <c>console.*</c> (captured through <see cref="JavaScriptLambdaOptions.Log"/>), <c>process.env</c>, timers, and
/// <c>require</c> of relative files (<c>.js</c>, <c>.json</c>, <c>dir/index.js</c>) and of the built-ins
/// <c>util</c> (format, inspect, promisify), <c>crypto</c> (randomUUID), <c>timers</c> and <c>timers/promises</c>
/// (with or without <c>node:</c>). Any other module fails as Node does: <c>Cannot find module 'x'</c>.</remarks>
public sealed partial class JavaScriptLambdaHandler : ILambdaInvoker, IDisposable
{
    private const string TaskRoot = "/var/task";

    private readonly JavaScriptLambdaOptions _options;
    private readonly string _filePath;
    private readonly string? _directory;
    private readonly Prepared<Script>? _mainScript;
    private readonly string? _syntaxError;
    private readonly string? _moduleCode;
    private readonly Func<string> _requestIds;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string[] _exportPath;

    private Runtime? _runtime;
    private long _lastInvocationId;

    // The invocation in progress (only touched while holding _gate).
    private long _currentId;
    private LambdaOutcome? _outcome;
    private string _requestId = "";
    private DateTimeOffset _functionDeadline;
    private DateTimeOffset? _stateDeadline;
    private bool _awaitingPromise;
    private JsonNode? _eventNode;
    private JsValue _eventJs = JsValue.Undefined;

    private JavaScriptLambdaHandler(string code, string filePath, string? directory, JavaScriptLambdaOptions options)
    {
        _options = options;
        _filePath = filePath;
        _directory = directory;
        _exportPath = ExportPath(options.Handler);
        _requestIds = options.RequestIdFactory ?? new SequentialRequestIds().Next;
        if (filePath.EndsWith(".mjs", StringComparison.Ordinal))
        {
            // An ES module: parsed, linked and evaluated by Jint's module loader on the cold start.
            _moduleCode = code;
            return;
        }

        var script = PreparedScriptCache.Get(filePath, code);
        _mainScript = script.Script;
        _syntaxError = script.SyntaxError;
    }

    /// <summary>Loads a handler file; <c>require('./x')</c> resolves beside it. A <c>.mjs</c> file is an ES module
    /// (<c>export const handler</c>) whose relative imports resolve beside it; Node built-ins are not importable
    /// there (the globals <c>console</c>, <c>process</c> and timers are).</summary>
    public static JavaScriptLambdaHandler FromFile(string path, JavaScriptLambdaOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        return new JavaScriptLambdaHandler(File.ReadAllText(full), full, Path.GetDirectoryName(full), options ?? new JavaScriptLambdaOptions());
    }

    /// <summary>Loads inline code (CloudFormation <c>Code.ZipFile</c>); it has no directory to require files from.</summary>
    public static JavaScriptLambdaHandler FromCode(string code, JavaScriptLambdaOptions? options = null, string fileName = "index.js") =>
        new(code, TaskRoot + "/" + fileName, null, options ?? new JavaScriptLambdaOptions());

    public JavaScriptLambdaOptions Options => _options;

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return InvokeAsync(invocation.Payload, invocation.StateTimeout, cancellationToken);
    }

    /// <summary>Calls the handler with <paramref name="payload"/> as its event.</summary>
    /// <param name="stateTimeout">The Task state's <c>TimeoutSeconds</c>: when it passes before the function's own
    /// timeout the outcome is <see cref="LambdaOutcome.TimedOut"/>.</param>
    public ValueTask<LambdaOutcome> InvokeAsync(JsonNode? payload, TimeSpan? stateTimeout = null, CancellationToken cancellationToken = default)
    {
        if (!_gate.Wait(0))
        {
            return WaitAndInvokeAsync(payload, stateTimeout, cancellationToken);
        }

        var release = true;
        try
        {
            var outcome = Start(payload, stateTimeout, cancellationToken);
            if (outcome is not null)
            {
                return new ValueTask<LambdaOutcome>(outcome);
            }

            release = false;
            return RunEventLoopAsync(cancellationToken);
        }
        finally
        {
            if (release)
            {
                _gate.Release();
            }
        }
    }

    public void Dispose()
    {
        _runtime?.Engine.Dispose();
        _gate.Dispose();
    }

    private async ValueTask<LambdaOutcome> WaitAndInvokeAsync(JsonNode? payload, TimeSpan? stateTimeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Start(payload, stateTimeout, cancellationToken) ?? await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<LambdaOutcome> RunEventLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Begins an invocation and runs it as far as it goes without waiting; null when it is still pending.</summary>
    private LambdaOutcome? Start(JsonNode? payload, TimeSpan? stateTimeout, CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        _functionDeadline = now + _options.Timeout;
        _stateDeadline = stateTimeout is { } st ? now + st : null;
        _requestId = _requestIds();
        _currentId = ++_lastInvocationId;
        _outcome = null;
        _awaitingPromise = false;

        var runtime = _runtime;
        if (runtime is null)
        {
            if (_syntaxError is not null)
            {
                return InitFailure(LambdaErrorNames.UserCodeSyntaxError, _syntaxError);
            }

            var init = Initialise(cancellationToken, out runtime);
            if (init is not null)
            {
                return init;
            }

            _runtime = runtime;
        }

        _eventNode = payload;
        _eventJs = runtime!.Converter.ToJs(payload);
        return Step(runtime, cancellationToken, callHandler: true);
    }

    private async ValueTask<LambdaOutcome> LoopAsync(CancellationToken cancellationToken)
    {
        var runtime = _runtime!;
        while (true)
        {
            var deadline = EarliestDeadline();
            var next = runtime.Timers.NextDue();
            var wakeAt = next is { } due && due < deadline ? due : deadline;
            var delay = wakeAt - _options.TimeProvider.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            var outcome = Step(runtime, cancellationToken, callHandler: false);
            if (outcome is not null)
            {
                return outcome;
            }
        }
    }

    /// <summary>Calls the handler (first step only), then runs microtasks and due timers, and reports the outcome once
    /// the invocation has settled, its deadline has passed, or the event loop has emptied.</summary>
    private LambdaOutcome? Step(Runtime runtime, CancellationToken cancellationToken, bool callHandler)
    {
        runtime.Deadline.Arm(EarliestDeadline(), cancellationToken);
        try
        {
            if (callHandler)
            {
                _awaitingPromise = CallHandler(runtime);
            }

            runtime.Engine.Advanced.ProcessTasks();
            while (_outcome is null && runtime.Timers.TakeDue() is { } callback)
            {
                CallTimer(runtime, callback);
                runtime.Engine.Advanced.ProcessTasks();
            }
        }
        catch (DeadlineExceededException)
        {
            runtime.Engine.Advanced.ResetCallStack();
            cancellationToken.ThrowIfCancellationRequested();
            return DeadlineOutcome();
        }
        finally
        {
            runtime.Deadline.Disarm();
        }

        if (_outcome is not null)
        {
            return _outcome;
        }

        if (_options.TimeProvider.GetUtcNow() >= EarliestDeadline())
        {
            return DeadlineOutcome();
        }

        // Nothing left to run and no result. A callback-style handler that never called back completes with null once
        // the event loop has drained (the runtime's beforeExit listener); a promise that can no longer settle is a
        // function that never completes, so it runs into its timeout (LoopAsync waits for the deadline).
        return runtime.Timers.Count == 0 && !_awaitingPromise ? new LambdaOutcome.Succeeded(null) : null;
    }

    private void CallTimer(Runtime runtime, JsValue callback)
    {
        try
        {
            runtime.Engine.Invoke(callback);
        }
        catch (JavaScriptException ex)
        {
            // An uncaught exception in a timer ends the invocation with that error, as the runtime reports it.
            ReportThrown(runtime, _currentId, ex.Error);
        }
    }

    private DateTimeOffset EarliestDeadline() =>
        _stateDeadline is { } s && s < _functionDeadline ? s : _functionDeadline;

    private LambdaOutcome DeadlineOutcome()
    {
        if (_stateDeadline is { } s && s < _functionDeadline)
        {
            return LambdaOutcome.TimedOut.Instance;
        }

        var seconds = _options.Timeout.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var message = $"RequestId: {_requestId} Error: Task timed out after {seconds} seconds";
        return new LambdaOutcome.Failed(LambdaErrorNames.SandboxTimedOut,
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":" + Quote(message) + "}");
    }

    private static LambdaOutcome InitFailure(string errorType, string message) =>
        new LambdaOutcome.Failed(errorType, JsonText.NodeError(errorType, message, [errorType + ": " + message]));

    private static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 2);
        JsonText.AppendJsString(sb, s);
        return sb.ToString();
    }

    private static string[] ExportPath(string handler)
    {
        var name = handler[(handler.LastIndexOf('/') + 1)..];
        var parts = name.Split('.');
        return parts.Length > 1 ? parts[1..] : ["handler"];
    }

    /// <summary>Called from JavaScript when the invocation settles (id -1: the current one); later settlements and stale
    /// ids are ignored, as the runtime ignores a second callback.</summary>
    private void Settle(JsValue[] args)
    {
        var id = (long)args[0].AsNumber();
        if (id < 0)
        {
            id = _currentId;
        }

        if (id != _currentId || _outcome is not null)
        {
            return;
        }

        var kind = (int)args[1].AsNumber();
        _outcome = kind switch
        {
            0 => new LambdaOutcome.Succeeded(_runtime!.Converter.ResultFor(args.Length > 2 ? args[2] : JsValue.Undefined, _eventJs, _eventNode)),
            1 => new LambdaOutcome.Failed(args[2].AsString(), args[3].AsString()),
            2 => new LambdaOutcome.Failed(LambdaErrorNames.Unknown, LambdaErrorNames.UnknownCause),
            _ => new LambdaOutcome.Failed(args[2].AsString(),
                JsonText.PythonError(args[2].AsString(), args[3].AsString(), _requestId, ((JsArray)args[4]).Select(v => v.AsString()))),
        };
    }

    private double RemainingMilliseconds() =>
        Math.Max(0, Math.Floor((_functionDeadline - _options.TimeProvider.GetUtcNow()).TotalMilliseconds));

    private sealed class SequentialRequestIds
    {
        private long _next;

        private const string Prefix = "00000000-0000-4000-8000-";

        // Written straight into the string (one per invocation): the interpolation handler costs more than the id.
        public string Next()
        {
            var n = Interlocked.Increment(ref _next);
            return n < 1L << 48
                ? string.Create(Prefix.Length + 12, n, static (span, value) =>
                {
                    Prefix.AsSpan().CopyTo(span);
                    value.TryFormat(span[Prefix.Length..], out _, "x12", System.Globalization.CultureInfo.InvariantCulture);
                })
                : Prefix + n.ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
