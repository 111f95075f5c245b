using System.Text.Json;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine;

/// <summary>
/// The local Step Functions engine: compiles a definition once, then runs executions that write the history AWS
/// would write (GetExecutionHistory shape, history-events.md).
/// </summary>
public sealed class StepFunctionsEngine
{
    private static readonly CancellationTokenSource s_neverCancelled = new();

    private readonly EngineOptions _options;

    public StepFunctionsEngine(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Compiles <paramref name="definition"/>.</summary>
    /// <exception cref="NotSupportedException">A state needs something this engine does not run (JSONata, a non-Lambda service, an S3-backed Map).</exception>
    public CompiledStateMachine Compile(StateMachineDefinition definition) => StateMachineCompiler.Compile(definition, _options);

    /// <summary>
    /// Runs one execution to its end. Cancelling <paramref name="cancellationToken"/> is StopExecution: the history
    /// ends with ExecutionAborted.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not JSON or exceeds 262,144 bytes (StartExecution's InvalidExecutionInput).</exception>
    public Task<ExecutionResult> RunAsync(CompiledStateMachine machine, ExecutionRequest request, IExecutionObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(request);
        ValidateInput(request.Input, machine.Options.MaxPayloadBytes);
        if (!machine.Options.FastForward)
        {
            return RunCoreAsync(machine, request, observer, null, null, cancellationToken);
        }

        // Fast-forward: the whole execution runs on one pumping thread over a virtual clock, so with synchronous
        // tasks the history is the same on every run.
        return Task.Run(
            () =>
            {
                using var pump = new ExecutionPump();
                using var timeout = new CancellationTokenSource();
                var clock = new VirtualClock(machine.Options.TimeProvider);
                var deadline = Deadline(machine, clock.Now);
                return pump.Run(() => RunCoreAsync(machine, request, observer, clock, timeout, cancellationToken), clock, deadline, timeout);
            },
            CancellationToken.None);
    }

    private static DateTimeOffset? Deadline(CompiledStateMachine machine, DateTimeOffset start) =>
        machine.TimeoutSeconds is { } seconds ? start + TimeSpan.FromSeconds((double)seconds) : null;

    /// <summary>One execution; <paramref name="clock"/> and <paramref name="fastForwardTimeout"/> are set in fast-forward mode.</summary>
    private async Task<ExecutionResult> RunCoreAsync(
        CompiledStateMachine machine, ExecutionRequest request, IExecutionObserver? observer, VirtualClock? clock, CancellationTokenSource? fastForwardTimeout, CancellationToken cancellationToken)
    {
        var options = machine.Options;
        var identity = Identify(request, options);
        var recorder = new HistoryRecorder(observer, options.MaxHistoryEvents);
        var start = clock?.Now ?? options.TimeProvider.GetUtcNow();
        var deadline = Deadline(machine, start);
        using var ownTimeout = fastForwardTimeout is null && deadline is not null
            ? new CancellationTokenSource(deadline.Value - start, options.TimeProvider)
            : null;
        var timeout = fastForwardTimeout ?? ownTimeout ?? s_neverCancelled;
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.StopSource?.Token ?? CancellationToken.None);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopped.Token, timeout.Token);
        var run = new ExecutionRun(options, recorder, identity, request.Input, start, linked.Token) { Deadline = deadline, Clock = clock };
        recorder.ExecutionStarted(0, start, request.Input, identity.RoleArn);

        // ExecutionStarted is not a source: the first state's Entered event also points at 0 (recorded).
        var frame = new Frame(run, new VariableScope(null), 0, linked.Token, isTopLevel: true);
        string status;
        string? output = null, error = null, cause = null;
        try
        {
            // Continuations stay on the caller's context: in fast-forward mode that is the execution's pump.
            // The input text as sent, over a node parsed once and shared read-only with $$.Execution.Input.
            var input = Payload.FromNode(run.ParseInputCopy(), request.Input, shared: false);
            var outcome = await Interpreter.RunScopeAsync(machine.Root, frame, input).ConfigureAwait(true);
            if (outcome.Failure is { } failure)
            {
                (status, error, cause) = (ExecutionResult.Failed, failure.Error, failure.Cause);
                recorder.Closing(HistoryEventType.ExecutionFailed, frame.Source, frame.Now, null, error, cause);
            }
            else
            {
                output = outcome.Output!.Text;
                status = ExecutionResult.Succeeded;
                recorder.Closing(HistoryEventType.ExecutionSucceeded, frame.Source, frame.Now, output, null, null);
            }
        }
        catch (Exception e) when (e is ExecutionTimeoutException || (e is OperationCanceledException && timeout.IsCancellationRequested && !stopped.IsCancellationRequested))
        {
            // Cause not confirmed by a recording; AWS names the error States.Timeout.
            (status, error) = (ExecutionResult.TimedOut, StatesErrorNames.Timeout);
            recorder.Closing(HistoryEventType.ExecutionTimedOut, frame.Source, frame.Now, null, error, null);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // Recorded StopExecution during a top-level Wait: ExecutionAborted points at 0; without error and cause
            // its details are empty.
            (status, error, cause) = (ExecutionResult.Aborted, request.StopSource?.Error, request.StopSource?.Cause);
            recorder.Closing(HistoryEventType.ExecutionAborted, 0, frame.Now, null, error, cause);
        }
        catch (HistoryLimitExceededException e)
        {
            (status, error, cause) = (ExecutionResult.Failed, StatesErrorNames.Runtime, e.Message);
            recorder.Closing(HistoryEventType.ExecutionFailed, frame.Source, frame.Now, null, error, cause);
        }

        var events = recorder.Events;
        return new ExecutionResult(status, output, error, cause, events, start, events[^1].Timestamp)
        {
            ExecutionArn = identity.ExecutionArn,
            StatesEntered = run.StatesEntered,
            Retries = run.Retries,
            TaskCalls = run.TaskCalls,
        };
    }

    private static void ValidateInput(string input, int? limit)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (DataLimits.ExceedsPayloadLimit(input, limit))
        {
            throw new ArgumentException("Input exceeds the maximum size of " + limit + " bytes.", nameof(input));
        }

        try
        {
            using var _ = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("Invalid State Machine Execution Input: '" + e.Message + "'", nameof(input), e);
        }
    }

    /// <summary>ARNs and names; region and account come from the state machine ARN when it has them.</summary>
    private static ExecutionIdentity Identify(ExecutionRequest request, EngineOptions options)
    {
        var parts = request.StateMachineArn.Split(':');
        var isArn = parts.Length >= 7 && parts[0] == "arn" && parts[5] == "stateMachine";
        var region = isArn && parts[3].Length > 0 ? parts[3] : options.Region;
        var account = isArn && parts[4].Length > 0 ? parts[4] : options.AccountId;
        var partition = isArn ? parts[1] : "aws";
        var machineName = isArn ? parts[6] : request.StateMachineArn;
        var executionArn = "arn:" + partition + ":states:" + region + ":" + account + ":execution:" + machineName + ":" + request.ExecutionName;
        var role = request.RoleArn ?? "arn:" + partition + ":iam::" + account + ":role/StepFunctionsExecutionRole";
        return new ExecutionIdentity(executionArn, request.ExecutionName, request.StateMachineArn, machineName, role, request.RedriveCount, region, account);
    }
}
