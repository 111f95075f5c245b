using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>One call of the handler, as the Node.js runtime makes it: <c>handler(event, context, callback)</c>, then,
/// when it returns a thenable, the invocation settles with it.</summary>
public sealed partial class JavaScriptLambdaHandler
{
    private static readonly JsString s_awsRequestId = new("awsRequestId");
    private static readonly JsString s_callbackWaits = new("callbackWaitsForEmptyEventLoop");
    private static readonly JsString s_length = new("length");
    private static readonly JsString s_then = new("then");
    private static readonly JsString s_name = new("name");
    private static readonly JsString s_message = new("message");
    private static readonly JsString s_stack = new("stack");
    private static readonly JsString s_stackTrace = new("stackTrace");
    private static readonly JsString s_constructor = new("constructor");

    // The invocation whose native promise carries the shared reactions (OnFulfilled/OnRejected), 0 when none does.
    // A native promise runs its reactions once, so at most one invocation ever owns them: a later invocation whose
    // predecessor's promise is still pending settles through per-invocation JavaScript reactions instead.
    private long _sharedReactionOwner;

    // Argument arrays of the two host calls every invocation makes, reused: calls are serialised (one invocation at a
    // time holds the gate), neither callee keeps the array (a script function copies its arguments into its own
    // environment and `arguments` object, and Promise.prototype.then reads its two reactions out of it), and they are
    // cleared after each call so that no event outlives its invocation through them.
    private readonly JsValue[] _invokeArgs = new JsValue[3];
    private readonly JsValue[] _thenArgs = new JsValue[2];

    /// <summary>Calls the handler for the current invocation; true when it returned a thenable the invocation now waits for.</summary>
    private bool CallHandler(Runtime runtime)
    {
        var engine = runtime.Engine;
        var context = runtime.Context;
        context.Set(s_awsRequestId, JsString.Create(_requestId));
        context.Set(s_callbackWaits, JsBoolean.True);
        var handler = runtime.Handler;
        // The id as a JavaScript number is made only on the paths that hand it to JavaScript (past the small integers
        // Jint caches, each one is an allocation the usual async handler does not need).
        var callback = TypeConverter.ToNumber(handler.Get(s_length)) >= 3
            ? engine.Call(runtime.CallbackFor, JsValue.Undefined, [JsNumber.Create(_currentId)])
            : runtime.SharedCallback;

        // handler(event, context, callback), called from here: a runtime function calling it would cost about as much as
        // the usual handler itself. Its stack frame is named as that call would name it (HandlerFrames).
        var args = _invokeArgs;
        args[0] = _eventJs;
        args[1] = context;
        args[2] = callback;
        JsValue result;
        try
        {
            result = engine.Call(handler, JsValue.Undefined, args);
        }
        catch (JavaScriptException ex)
        {
            // A synchronous throw ends the invocation with that error at once (unless it has already settled).
            ReportThrown(runtime, _currentId, ex.Error);
            return false;
        }
        finally
        {
            Array.Clear(args);
        }

        // typeof result.then === 'function': anything callable, a proxy over a function included.
        if (result is not ObjectInstance thenable || thenable.Get(s_then) is not { } then || !then.IsCallable())
        {
            return false;
        }

        if (result.IsPromise() && ReferenceEquals(then, runtime.PromiseThen) && ThenRunsNoHandlerCode(runtime, thenable)
            && SettledPromise.TryRead(engine, thenable, out var fulfilled, out var settled))
        {
            // Settled, and no job ahead of the reaction then would queue: its outcome now is what that reaction would report
            // (nothing, when the handler already settled the invocation through its callback or context).
            if (_outcome is not null)
            {
                return false;
            }

            if (fulfilled)
            {
                _outcome = new LambdaOutcome.Succeeded(runtime.Converter.ResultFor(settled, _eventJs, _eventNode));
            }
            else
            {
                ReportThrown(runtime, _currentId, settled);
            }

            return false;
        }

        if (_sharedReactionOwner == 0 && result.IsPromise() && ReferenceEquals(then, runtime.PromiseThen))
        {
            // A native promise: host reactions avoid building two closures per call (same then, same order of jobs).
            _sharedReactionOwner = _currentId;
            var reactions = _thenArgs;
            reactions[0] = runtime.OnFulfilled;
            reactions[1] = runtime.OnRejected;
            try
            {
                engine.Call(then, result, reactions);
            }
            finally
            {
                Array.Clear(reactions);
            }
        }
        else
        {
            engine.Call(runtime.SettleWhen, JsValue.Undefined, [result, JsNumber.Create(_currentId)]);
        }

        return true;
    }

    /// <summary>Whether <c>then</c> on <paramref name="promise"/> would find the built-in <c>Promise</c> as its species
    /// without calling a getter: no own <c>constructor</c>, the original prototype with its original <c>constructor</c>,
    /// and the original <c>Symbol.species</c> accessor (ECMA-262 SpeciesConstructor).</summary>
    private static bool ThenRunsNoHandlerCode(Runtime runtime, ObjectInstance promise) =>
        ReferenceEquals(promise.Prototype, runtime.PromisePrototype)
        && promise.GetOwnProperty(s_constructor) == PropertyDescriptor.Undefined
        && runtime.PromisePrototype is ObjectInstance prototype
        && prototype.GetOwnProperty(s_constructor) is { } constructor
        && constructor.IsDataDescriptor()
        && ReferenceEquals(constructor.Value, runtime.PromiseConstructor)
        && runtime.PromiseConstructor is ObjectInstance promiseConstructor
        && promiseConstructor.GetOwnProperty(runtime.SpeciesSymbol) is { } species
        && ReferenceEquals(species.Get, runtime.SpeciesGetter);

    private void OnPromiseFulfilled(JsValue value)
    {
        var owner = _sharedReactionOwner;
        _sharedReactionOwner = 0;
        if (owner == _currentId && _outcome is null)
        {
            _outcome = new LambdaOutcome.Succeeded(_runtime!.Converter.ResultFor(value, _eventJs, _eventNode));
        }
    }

    private void OnPromiseRejected(JsValue error)
    {
        var owner = _sharedReactionOwner;
        _sharedReactionOwner = 0;
        if (owner == _currentId && _outcome is null)
        {
            ReportThrown(_runtime!, owner, error);
        }
    }

    /// <summary>
    /// Reports a thrown or rejected value of invocation <paramref name="id"/>. An error object with string name, message
    /// and stack gets the runtime's error document written here, as the runtime script's <c>fail</c> writes it: errorType
    /// = name, trace = the stack's lines without the runtime's own frames, headed like Node's stack; anything else goes
    /// to that script.
    /// </summary>
    private void ReportThrown(Runtime runtime, long id, JsValue error)
    {
        if (error is JsError obj
            && obj.Get(s_name) is JsString name
            && obj.Get(s_message) is JsString message
            && obj.Get(s_stack) is JsString stack
            && !obj.Get(s_stackTrace).IsArray())
        {
            if (id == _currentId && _outcome is null)
            {
                var type = name.ToString();
                var text = message.ToString();
                _outcome = new LambdaOutcome.Failed(type, ErrorDocument(obj, type, text, stack.ToString()));
            }

            return;
        }

        runtime.Engine.Call(runtime.Fail, JsValue.Undefined, [JsNumber.Create(id), error]);
    }
}
