using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Task (https://states-language.net/#task-state) calling Lambda, either by function ARN (LambdaFunction* events)
/// or through <c>arn:aws:states:::lambda:invoke</c> (Task* events, result = the Invoke response). Pipeline:
/// InputPath, Parameters, the call (with Retry), ResultSelector, ResultPath, OutputPath; Assign; Catch.
/// </summary>
internal sealed class TaskNode : WorkStateNode
{
    private readonly string _resource;
    private readonly bool _isInvoke;
    private readonly LambdaFunctionRef? _function;
    private readonly SelectPath _inputPath;
    private readonly TemplateField? _parameters;
    private readonly ResultFields _result;
    private readonly TimeoutField _timeout;
    private readonly TimeoutField _heartbeat;
    private readonly JsonataTemplate? _arguments;
    private readonly JsonataOutcome? _jsonata;

    /// <summary>What served this state's function last (function ARN only), kept while the resolver and its choice stay the same.</summary>
    private LambdaRoute? _route;

    public TaskNode(TaskState state, ErrorHandling handling, EngineRandom random)
        : base(state, HistoryEventType.TaskStateEntered, HistoryEventType.TaskStateExited, handling, random)
    {
        _resource = state.Resource;
        if (LambdaFunctionRef.IsFunctionArn(state.Resource))
        {
            _function = LambdaFunctionRef.Parse(state.Resource);
        }
        else if (LambdaFunctionRef.IsInvokeResource(state.Resource) && !state.Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            _isInvoke = true;
        }
        else
        {
            throw new NotSupportedException("State '" + state.Name + "' calls '" + state.Resource + "'; this engine runs Lambda tasks only (function ARNs and arn:aws:states:::lambda:invoke).");
        }

        _inputPath = SelectPath.Compile(state.InputPath);
        _parameters = TemplateField.Compile(state.Parameters);
        _result = new ResultFields(state.ResultSelector, state.ResultPath, state.OutputPath, state.Assign);
        _timeout = TimeoutField.Compile(state.TimeoutSeconds, "TimeoutSecondsPath");
        _heartbeat = TimeoutField.Compile(state.HeartbeatSeconds, "HeartbeatSecondsPath");
        if (state.IsJsonata)
        {
            _arguments = JsonataTemplate.Compile(state.Arguments, "Arguments");
            _jsonata = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
        }

        ReadsContext = (_arguments?.ReadsContext ?? false) || (_jsonata?.ReadsContext ?? false) || _inputPath.ReadsContext || (_parameters?.ReadsContext ?? false)
            || _result.ReadsContext || handling.ReadsContext
            || _timeout.ReadsContext || _heartbeat.ReadsContext;
    }

    /// <summary>
    /// Runs synchronously while the calls and retry pauses complete at once (a delegate or local handler, a zero pause)
    /// and continues in <see cref="RunOnAsync"/> from the first call or pause that does not.
    /// </summary>
    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        if (!TryPrepare(frame, input, enteredId, out var call, out var failed))
        {
            return new ValueTask<Step>(failed);
        }

        var retries = default(Retries);
        while (true)
        {
            var pending = AttemptAsync(frame, call.Input, call.Timeout, call.Heartbeat, retries.Count, retries.Scheduled);
            if (!pending.IsCompletedSuccessfully)
            {
                return RunOnAsync(frame, input, enteredId, call, retries, pending, default, afterDelay: false);
            }

            if (Decide(frame, input, enteredId, pending.Result, ref retries, out var pause) is { } step)
            {
                return new ValueTask<Step>(step);
            }

            var delay = frame.DelayAsync(pause);
            if (!delay.IsCompletedSuccessfully)
            {
                return RunOnAsync(frame, input, enteredId, call, retries, default, delay, afterDelay: true);
            }
        }
    }

    /// <summary>The same loop as <see cref="RunAsync"/>, from a call (<paramref name="pending"/>) or a pause (<paramref name="delay"/>) still running.</summary>
    private async ValueTask<Step> RunOnAsync(
        Frame frame, Payload input, long enteredId, PreparedCall call, Retries retries, ValueTask<Attempt> pending, ValueTask delay, bool afterDelay)
    {
        while (true)
        {
            if (afterDelay)
            {
                await delay.ConfigureAwait(true);
                pending = AttemptAsync(frame, call.Input, call.Timeout, call.Heartbeat, retries.Count, retries.Scheduled);
            }

            var attempt = await pending.ConfigureAwait(true);
            if (Decide(frame, input, enteredId, attempt, ref retries, out var pause) is { } step)
            {
                return step;
            }

            delay = frame.DelayAsync(pause);
            afterDelay = true;
        }
    }

    /// <summary>InputPath and Parameters (or Arguments), TimeoutSeconds and HeartbeatSeconds; false with the state's failure step when one fails.</summary>
    private bool TryPrepare(Frame frame, Payload input, long enteredId, out PreparedCall call, out Step failed)
    {
        failed = default;
        try
        {
            if (_jsonata is not null)
            {
                var scope = JsonataScope.ForInput(frame, input.Node, ReadsContext);
                call = new PreparedCall(_arguments is null ? input : Payload.FromNode(_arguments.Evaluate(scope)), _timeout.Resolve(scope), _heartbeat.Resolve(scope));
            }
            else
            {
                var effective = _inputPath.Apply(frame, input);
                var taskInput = _parameters is null ? effective : _parameters.Evaluate(frame, effective, Random);
                call = new PreparedCall(taskInput, _timeout.Resolve(frame, effective.Node), _heartbeat.Resolve(frame, effective.Node));
            }

            return true;
        }
        catch (StatesException e)
        {
            failed = Failed(e, enteredId);
        }
        catch (QueryEvaluationException e)
        {
            failed = CatchOrFail(frame, input, EvaluationFailed(frame, e, enteredId).Failure!, enteredId);
        }

        call = default;
        return false;
    }

    /// <summary>
    /// After one call: the state's final step (exit, catch or failure), or null with the <paramref name="pause"/> before
    /// the retry. Pipeline after the call: ResultSelector, ResultPath, OutputPath, Assign (or JSONata Output/Assign).
    /// </summary>
    private Step? Decide(Frame frame, Payload input, long enteredId, Attempt attempt, ref Retries retries, out TimeSpan pause)
    {
        retries.Scheduled = attempt.Scheduled;
        if (attempt.Result is not { } result)
        {
            // A task failure is never terminal: a Failure is made only when the error is not retried.
            return TryRetry(frame, attempt.Error, isTerminal: false, ref retries.Counters, ref retries.Count, out pause)
                ? null
                : CatchOrFail(frame, input, new Failure(attempt.Error, attempt.Cause), enteredId);
        }

        pause = default;
        if (_jsonata is not null)
        {
            try
            {
                var (output, jsonataAssigned) = _jsonata.Evaluate(JsonataScope.ForResult(frame, input.Node, result.Node, ReadsContext), result);
                return Exit(frame, output, jsonataAssigned, Next);
            }
            catch (QueryEvaluationException e)
            {
                return CatchOrFail(frame, input, EvaluationFailed(frame, e, enteredId).Failure!, enteredId);
            }
        }

        try
        {
            var output = _result.Output(frame, input, result, Random, out var assigned);
            return Exit(frame, output, assigned, Next);
        }
        catch (StatesException e)
        {
            return Failed(e, enteredId);
        }
    }

    /// <param name="scheduled">The details of this state entry's first LambdaFunctionScheduled event: every retry
    /// schedules the same function with the same input and timeout, so their events share one details object.</param>
    private ValueTask<Attempt> AttemptAsync(Frame frame, Payload taskInput, long? timeout, long? heartbeat, int retryCount, LambdaFunctionScheduledEventDetails? scheduled)
    {
        var run = frame.Run;
        var recorder = run.Recorder;
        LambdaFunctionRef? function = _function;
        JsonNode? payload = taskInput.Node;
        var logTail = false;
        if (_isInvoke)
        {
            frame.Source = recorder.TaskScheduled(frame.Source, frame.Now, "lambda", "invoke", run.Identity.Region, taskInput.Text, timeout, heartbeat);
            frame.Source = recorder.TaskStarted(frame.Source, frame.Now, "lambda", "invoke");
            var parameters = taskInput.Node as JsonObject;
            payload = InvokePayload(parameters?["Payload"]) ?? new JsonObject();
            logTail = parameters?["LogType"] is JsonValue logType && JsonNodes.TryGetString(logType, out var tail) && tail == "Tail";
            if (parameters?["FunctionName"] is not JsonValue nameValue || !JsonNodes.TryGetString(nameValue, out var name)
                || !LambdaFunctionRef.TryParse(name, out function))
            {
                return new ValueTask<Attempt>(RecordFailure(frame, StatesErrorNames.LambdaResourceNotFoundException, "Function not found: " + JsonNodes.ToCompactJson(parameters?["FunctionName"]), false));
            }
        }
        else
        {
            // The call starts as it is scheduled: one reading of the clock stamps both events.
            var at = frame.Now;
            scheduled ??= HistoryRecorder.LambdaScheduledDetails(_resource, taskInput.Text, timeout);
            frame.Source = recorder.LambdaScheduled(frame.Source, at, scheduled);
            frame.Source = recorder.Simple(HistoryEventType.LambdaFunctionStarted, frame.Source, at);
        }

        run.CountTaskCall();
        var limit = Limit(timeout, heartbeat);
        var invoker = run.LambdaInvoker;
        if (invoker is null)
        {
            // No invoker at all: the function does not exist here, as Lambda would say it.
            var cause = LambdaErrorNames.NotFoundCause(function!, run.Identity.Region, run.Identity.AccountId, run.Options.NewGuid().ToString());
            return new ValueTask<Attempt>(RecordFailure(frame, StatesErrorNames.LambdaResourceNotFoundException, cause, false) with { Scheduled = scheduled });
        }

        var invocation = new LambdaInvocation(function!, payload, run.StateMachineName, Name, retryCount, run.ExecutionArn) { StateTimeout = limit };
        var call = new Call(taskInput, timeout, heartbeat, logTail, scheduled);
        ValueTask<LambdaOutcome> pending;
        try
        {
            pending = Invoke(invoker, invocation, frame.Token);
        }
        catch (OperationCanceledException) when (frame.Token.IsCancellationRequested)
        {
            Aborts.Write(frame, HistoryEventType.TaskStateAborted);
            throw;
        }

        // A function that answers at once (a delegate, a local handler without pending work) needs no state machine.
        return pending.IsCompletedSuccessfully
            ? new ValueTask<Attempt>(Complete(frame, pending.Result, call))
            : AwaitOutcomeAsync(frame, pending, limit, call);
    }

    private async ValueTask<Attempt> AwaitOutcomeAsync(Frame frame, ValueTask<LambdaOutcome> pending, TimeSpan? limit, Call call)
    {
        LambdaOutcome outcome;
        try
        {
            if (limit is { } max)
            {
                try
                {
                    outcome = await pending.AsTask().WaitAsync(max, frame.Run.Time, frame.Token).ConfigureAwait(true);
                }
                catch (TimeoutException)
                {
                    outcome = LambdaOutcome.TimedOut.Instance;
                }
            }
            else
            {
                outcome = await pending.ConfigureAwait(true);
            }
        }
        catch (OperationCanceledException) when (frame.Token.IsCancellationRequested)
        {
            Aborts.Write(frame, HistoryEventType.TaskStateAborted);
            throw;
        }

        return Complete(frame, outcome, call);
    }

    /// <summary>Records what the call produced: the success event (or the result's quota failure), or the failure.</summary>
    private Attempt Complete(Frame frame, LambdaOutcome outcome, Call call)
    {
        var taskInput = call.TaskInput;
        switch (outcome)
        {
            case LambdaOutcome.Succeeded succeeded:
                var result = _isInvoke
                    ? Payload.FromNode(InvokeResponse(succeeded.Payload, frame.Run.Options.NewGuid(), frame.Now, call.LogTail))
                    : taskInput.With(succeeded.Payload, shared: taskInput.Holds(succeeded.Payload) && taskInput.IsShared);
                return Succeed(frame, result) with { Scheduled = call.Scheduled };
            case LambdaOutcome.Mocked mocked:
                return Succeed(frame, Payload.FromNode(mocked.Result)) with { Scheduled = call.Scheduled };
            case LambdaOutcome.Failed failed:
                return RecordFailure(frame, failed.Error, _isInvoke ? Compact(failed.Cause) : failed.Cause, false) with { Scheduled = call.Scheduled };
            default:
                var error = call.Heartbeat is { } hb && (call.Timeout is null || hb < call.Timeout) ? StatesErrorNames.HeartbeatTimeout : StatesErrorNames.Timeout;
                return RecordFailure(frame, error, null, true) with { Scheduled = call.Scheduled };
        }
    }

    /// <summary>
    /// Calls the function. Behind a <see cref="LambdaResolver"/> a function ARN is served by the same invoker call after
    /// call, so the choice is made once and kept (a lambda:invoke state names its function in each call's parameters).
    /// </summary>
    private ValueTask<LambdaOutcome> Invoke(ILambdaInvoker invoker, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (_isInvoke || invoker is not LambdaResolver resolver)
        {
            return invoker.InvokeAsync(invocation, cancellationToken);
        }

        var route = _route;
        if (route is null || !ReferenceEquals(route.Source, resolver) || !route.IsCurrent)
        {
            _route = route = resolver.Route(invocation.Function.Name, Name);
        }

        return route.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>
    /// Writes the success event, or, when the result is over the payload quota, the failure AWS records instead
    /// (recorded: States.DataLimitExceeded naming the function ARN, or the resource type for lambda:invoke).
    /// </summary>
    private Attempt Succeed(Frame frame, Payload result)
    {
        if (DataLimits.ExceedsPayloadLimit(result.Text, frame.Run.Options.MaxPayloadBytes))
        {
            return RecordFailure(frame, StatesErrorNames.DataLimitExceeded, DataLimits.StateResultTooLarge(_isInvoke ? "lambda" : _resource), false);
        }

        RecordSuccess(frame, result);
        return new Attempt(result, null, null);
    }

    private void RecordSuccess(Frame frame, Payload result)
    {
        var recorder = frame.Run.Recorder;
        frame.Source = _isInvoke
            ? recorder.TaskSucceeded(frame.Source, frame.Now, "lambda", "invoke", result.Text)
            : recorder.LambdaSucceeded(frame.Source, frame.Now, result.Text);
    }

    private Attempt RecordFailure(Frame frame, string? error, string? cause, bool timedOut)
    {
        var recorder = frame.Run.Recorder;
        if (_isInvoke)
        {
            frame.Source = recorder.TaskError(timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed, frame.Source, frame.Now, "lambda", "invoke", error, cause);
        }
        else
        {
            frame.Source = recorder.LambdaError(timedOut ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.LambdaFunctionFailed, frame.Source, frame.Now, error, cause);
        }

        return new Attempt(null, error, cause);
    }

    private static TimeSpan? Limit(long? timeout, long? heartbeat)
    {
        var seconds = (timeout, heartbeat) switch
        {
            ({ } t, { } h) => Math.Min(t, h),
            ({ } t, null) => t,
            (null, { } h) => h,
            _ => (long?)null,
        };
        return seconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>
    /// A string <c>Payload</c> is sent to Lambda as the request body itself, so the function receives the JSON it
    /// holds (recorded: <c>"Payload": "0"</c> comes back as <c>0</c>).
    /// </summary>
    private static JsonNode? InvokePayload(JsonNode? payload)
    {
        if (JsonNodes.TryGetString(payload, out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return payload;
            }
        }

        return payload;
    }

    /// <summary>The optimised integration records a function's error payload as compact JSON (recorded), the ARN style keeps its text.</summary>
    private static string? Compact(string? cause)
    {
        if (cause is null || !cause.StartsWith('{'))
        {
            return cause;
        }

        try
        {
            return JsonNodes.ToCompactJson(JsonNode.Parse(cause));
        }
        catch (System.Text.Json.JsonException)
        {
            return cause;
        }
    }

    /// <summary>The Invoke response with ids made from the injected id source (an X-Ray style trace id).</summary>
    private static JsonObject InvokeResponse(JsonNode? payload, Guid requestId, DateTimeOffset at, bool logTail)
    {
        var id = requestId.ToString();
        var traceId = "Root=1-" + at.ToUnixTimeSeconds().ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "-"
            + id.Replace("-", "", StringComparison.Ordinal)[..24] + ";Sampled=0;Lineage=1:00000000:0";
        return LambdaInvokeResponse.Create(payload, id, traceId, at, logResult: logTail ? LambdaInvokeResponse.LogTail(id) : null);
    }

    /// <summary>The state's effective call: the task input and its resolved timeouts, the same for every retry.</summary>
    private readonly record struct PreparedCall(Payload Input, long? Timeout, long? Heartbeat);

    /// <summary>Retry bookkeeping of one state entry: one counter per retrier, retries so far, the shared scheduling details.</summary>
    private struct Retries
    {
        public int[]? Counters;
        public int Count;
        public LambdaFunctionScheduledEventDetails? Scheduled;
    }

    /// <summary>What one call needs once its outcome is known.</summary>
    private readonly record struct Call(Payload TaskInput, long? Timeout, long? Heartbeat, bool LogTail, LambdaFunctionScheduledEventDetails? Scheduled);

    /// <summary>One call's outcome: its result, or (when <see cref="Result"/> is null) the error and cause it failed with.</summary>
    private readonly record struct Attempt(Payload? Result, string? Error, string? Cause)
    {
        /// <summary>The LambdaFunctionScheduled details the attempt wrote, for the retries of the same entry to reuse.</summary>
        public LambdaFunctionScheduledEventDetails? Scheduled { get; init; }
    }
}
