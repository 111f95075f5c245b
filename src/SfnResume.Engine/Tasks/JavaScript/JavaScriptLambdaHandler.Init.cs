using System.Globalization;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>Cold start: builds the engine, installs the runtime and loads the handler module once.</summary>
public sealed partial class JavaScriptLambdaHandler
{
    private static readonly Prepared<Script> s_prelude = JsEngine.PrepareScript(JavaScriptRuntimeScripts.Prelude, "lambda-runtime.js");

    private LambdaOutcome? Initialise(CancellationToken cancellationToken, out Runtime? runtime)
    {
        runtime = null;
        var deadline = new DeadlineConstraint(_options.TimeProvider);
        var frames = new HandlerFrames();
        var engine = new JsEngine(o =>
        {
            o.Constraint(deadline);
            o.TimeSystem = new ClockTimeSystem(_options.TimeProvider);
            o.Interop.BuildCallStackHandler = frames.Line;
            if (_moduleCode is not null && _directory is not null)
            {
                o.EnableModules(_directory, restrictToBasePath: true);
            }
        });
        var timers = new JsTimerQueue(_options.TimeProvider);
        var host = new JsObject(engine);
        void Add(string name, Func<JsValue[], JsValue> body) =>
            host.FastSetDataProperty(name, new ClrFunction(engine, name, (_, args) => body(args)));

        Add("settle", a => { Settle(a); return JsValue.Undefined; });
        Add("remaining", _ => JsNumber.Create(RemainingMilliseconds()));
        Add("log", a => { _options.Log?.Invoke(a[0].AsString() + " " + a[1].AsString()); return JsValue.Undefined; });
        Add("setTimer", a => JsNumber.Create(timers.Add(a[0], a[1].AsNumber(), a[2].AsBoolean())));
        Add("clearTimer", a => { timers.Remove((int)a[0].AsNumber()); return JsValue.Undefined; });
        Add("uuid", _ => JsString.Create(_requestIds()));
        Add("resolve", a => ResolveModule(a[0].AsString(), a[1].AsString()) is { } found ? JsString.Create(found) : JsValue.Null);
        Add("dirname", a => JsString.Create(Path.GetDirectoryName(a[0].AsString()) ?? "/"));
        Add("read", a => JsString.Create(File.ReadAllText(a[0].AsString())));
        Add("compile", a => CompileModule(engine, frames, a[0].AsString()));

        var api = (JsObject)engine.Evaluate(s_prelude).Call(host, BuildEnvironment(engine), BuildInfo(engine));
        var converter = new JsJsonConverter(engine);
        var directory = _directory ?? TaskRoot;
        deadline.Arm(EarliestDeadline(), cancellationToken);
        JsValue exports;
        try
        {
            if (_moduleCode is not null)
            {
                var specifier = "./" + Path.GetFileName(_filePath);
                engine.Modules.Add(specifier, _moduleCode);
                exports = engine.Modules.Import(specifier);
            }
            else
            {
                frames.Wrapped(_filePath);
                var body = engine.Evaluate(_mainScript!.Value);
                exports = api.Get("loadMain").Call(body, JsString.Create(_filePath), JsString.Create(directory));
            }

            engine.Advanced.ProcessTasks();
        }
        catch (JavaScriptException ex)
        {
            return InitError(ex.Error);
        }
        catch (Acornima.ParseErrorException ex)
        {
            return InitFailure(LambdaErrorNames.UserCodeSyntaxError, "SyntaxError: " + ex.Description);
        }
        catch (Jint.Runtime.Modules.ModuleResolutionException ex)
        {
            return InitFailure(LambdaErrorNames.ImportModuleError, "Error: " + ex.Message);
        }
        catch (InvalidOperationException) when (_moduleCode is not null && _directory is null)
        {
            // Jint refuses imports when no module folder is configured: inline code has none.
            return InitFailure(LambdaErrorNames.ImportModuleError, "Error: inline code cannot import other modules");
        }
        catch (DeadlineExceededException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return DeadlineOutcome();
        }
        finally
        {
            deadline.Disarm();
        }

        var handler = exports;
        foreach (var part in _exportPath)
        {
            handler = handler.IsObject() ? handler.AsObject().Get(part) : JsValue.Undefined;
        }

        if (handler is not Jint.Native.Function.Function)
        {
            return InitFailure(LambdaErrorNames.HandlerNotFound, _options.Handler + " is undefined or not exported");
        }

        frames.Handler = ((Jint.Native.Function.Function)handler).FunctionDeclaration;
        runtime = new Runtime(engine, converter, timers, deadline, handler)
        {
            Fail = api.Get("fail"),
            Context = (JsObject)api.Get("context"),
            SharedCallback = api.Get("sharedCallback"),
            CallbackFor = api.Get("callbackFor"),
            SettleWhen = api.Get("settleWhen"),
            PromiseThen = api.Get("promiseThen"),
            PromisePrototype = api.Get("promisePrototype"),
            PromiseConstructor = api.Get("promiseConstructor"),
            SpeciesSymbol = api.Get("speciesSymbol"),
            SpeciesGetter = api.Get("speciesGetter"),
            OnFulfilled = new ClrFunction(engine, "", (_, a) => { OnPromiseFulfilled(a.Length > 0 ? a[0] : JsValue.Undefined); return JsValue.Undefined; }),
            OnRejected = new ClrFunction(engine, "", (_, a) => { OnPromiseRejected(a.Length > 0 ? a[0] : JsValue.Undefined); return JsValue.Undefined; }),
        };
        return null;
    }

    private static JsValue CompileModule(JsEngine engine, HandlerFrames frames, string path)
    {
        try
        {
            frames.Wrapped(path);
            return engine.Evaluate(HandlerFrames.CommonJsHead + File.ReadAllText(path) + "\n})", path);
        }
        catch (Acornima.ParseErrorException ex)
        {
            // Returned as text: the runtime script throws it as a SyntaxError inside require().
            return JsString.Create(ex.Description + " (" + path + ")");
        }
    }

    /// <summary>An exception while loading the module: a missing module is <c>Runtime.ImportModuleError</c>
    /// ("Error: Cannot find module ..."), anything else is reported under the error's own name.</summary>
    private static LambdaOutcome InitError(JsValue error)
    {
        if (error is Jint.Native.Object.ObjectInstance obj)
        {
            var name = obj.Get("name").ToString();
            var message = obj.Get("message").ToString();
            if (obj.Get("code").ToString() == "MODULE_NOT_FOUND")
            {
                return InitFailure(LambdaErrorNames.ImportModuleError, name + ": " + message);
            }

            if (name == "SyntaxError")
            {
                return InitFailure(LambdaErrorNames.UserCodeSyntaxError, name + ": " + message);
            }

            var stack = obj.Get("stack");
            var trace = stack.IsString() ? stack.AsString().Split('\n') : [name + ": " + message];
            return new LambdaOutcome.Failed(name, JsonText.NodeError(name, message, trace));
        }

        var type = error.IsNull() ? "object" : error.IsUndefined() ? "undefined" : error.Type.ToString().ToLowerInvariant();
        return new LambdaOutcome.Failed(type, JsonText.NodeError(type, error.ToString(), []));
    }

    private JsObject BuildEnvironment(JsEngine engine)
    {
        var env = new JsObject(engine);
        var defaults = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = _options.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = _options.MemoryLimitInMB.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + _options.FunctionName,
            ["AWS_REGION"] = _options.Region,
            ["AWS_DEFAULT_REGION"] = _options.Region,
            ["LAMBDA_TASK_ROOT"] = TaskRoot,
            ["TZ"] = ":UTC",
        };
        foreach (var (key, value) in _options.Environment)
        {
            defaults[key] = value;
        }

        foreach (var (key, value) in defaults)
        {
            env.FastSetDataProperty(key, JsString.Create(value));
        }

        return env;
    }

    private JsObject BuildInfo(JsEngine engine)
    {
        var info = new JsObject(engine);
        info.FastSetDataProperty("functionName", JsString.Create(_options.FunctionName));
        info.FastSetDataProperty("functionVersion", JsString.Create("$LATEST"));
        info.FastSetDataProperty("invokedFunctionArn",
            JsString.Create($"arn:aws:lambda:{_options.Region}:{_options.AccountId}:function:{_options.FunctionName}"));
        info.FastSetDataProperty("memoryLimitInMB", JsString.Create(_options.MemoryLimitInMB.ToString(CultureInfo.InvariantCulture)));
        info.FastSetDataProperty("logGroupName", JsString.Create("/aws/lambda/" + _options.FunctionName));
        info.FastSetDataProperty("logStreamName", JsString.Create("local/[$LATEST]" + _options.FunctionName));
        info.FastSetDataProperty("taskRoot", JsString.Create(_directory ?? TaskRoot));
        return info;
    }

    /// <summary>Node's resolution for the cases handlers use: relative or absolute paths (as is, <c>.js</c>,
    /// <c>.json</c>, <c>/index.js</c>) and packages in <c>node_modules</c> folders above the requiring file.
    /// Inline code has no files beside it.</summary>
    private string? ResolveModule(string id, string fromDirectory)
    {
        if (_directory is null)
        {
            return null;
        }

        if (id.StartsWith("./", StringComparison.Ordinal) || id.StartsWith("../", StringComparison.Ordinal) || id.StartsWith('/'))
        {
            return ResolveFile(Path.GetFullPath(Path.Combine(fromDirectory, id)));
        }

        for (var dir = fromDirectory; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (ResolveFile(Path.Combine(dir, "node_modules", id)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? ResolveFile(string path)
    {
        string[] candidates = [path, path + ".js", path + ".cjs", path + ".json", Path.Combine(path, "index.js")];
        return candidates.FirstOrDefault(File.Exists);
    }

    private sealed record Runtime(
        JsEngine Engine,
        JsJsonConverter Converter,
        JsTimerQueue Timers,
        DeadlineConstraint Deadline,
        JsValue Handler)
    {
        /// <summary>The runtime's <c>fail(id, error)</c>: reports a thrown value as the Node.js runtime does.</summary>
        public required JsValue Fail { get; init; }

        /// <summary>The one context object, updated per invocation.</summary>
        public required JsObject Context { get; init; }

        public required JsValue SharedCallback { get; init; }

        /// <summary><c>callbackFor(id)</c>: a callback bound to one invocation.</summary>
        public required JsValue CallbackFor { get; init; }

        /// <summary><c>settleWhen(thenable, id)</c>: settles invocation id through JavaScript reactions.</summary>
        public required JsValue SettleWhen { get; init; }

        /// <summary><c>Promise.prototype.then</c> as it was before the handler's module loaded.</summary>
        public required JsValue PromiseThen { get; init; }

        /// <summary><c>Promise.prototype</c>, <c>Promise</c> and its <c>Symbol.species</c> getter as they were before the
        /// handler's module loaded.</summary>
        public required JsValue PromisePrototype { get; init; }

        public required JsValue PromiseConstructor { get; init; }

        public required JsValue SpeciesSymbol { get; init; }

        public required JsValue SpeciesGetter { get; init; }

        public required JsValue OnFulfilled { get; init; }

        public required JsValue OnRejected { get; init; }
    }

    /// <summary><c>Date</c> reads the injected clock.</summary>
    private sealed class ClockTimeSystem(TimeProvider timeProvider)
        : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
    {
        public override DateTimeOffset GetUtcNow() => timeProvider.GetUtcNow();
    }
}

/// <summary>Stops a running handler (even a busy loop) once its deadline passes on the injected clock or the caller
/// cancels. Jint checks it between statements.</summary>
internal sealed class DeadlineConstraint(TimeProvider timeProvider) : Constraint
{
    private DateTimeOffset _deadline = DateTimeOffset.MaxValue;
    private CancellationToken _cancellationToken;

    public void Arm(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        _deadline = deadline;
        _cancellationToken = cancellationToken;
    }

    public void Disarm()
    {
        _deadline = DateTimeOffset.MaxValue;
        _cancellationToken = CancellationToken.None;
    }

    // Checked every few hundred statements rather than each one: reading the clock per statement would cost more
    // than the identity handler itself, and a deadline overshoot of a few hundred statements is harmless.
    public override bool IsAmortizable => true;

    public override void Check()
    {
        if (_cancellationToken.IsCancellationRequested || timeProvider.GetUtcNow() >= _deadline)
        {
            throw new DeadlineExceededException();
        }
    }

    public override void Reset()
    {
    }
}

internal sealed class DeadlineExceededException : Exception
{
    public DeadlineExceededException()
        : base("The handler's deadline passed.")
    {
    }

    public DeadlineExceededException(string message)
        : base(message)
    {
    }

    public DeadlineExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
