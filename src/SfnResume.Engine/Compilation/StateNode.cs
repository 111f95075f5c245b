using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// One compiled state. Each kind is a small sealed class with one <see cref="RunAsync"/> that writes the state's
/// events and reads its data pipeline top to bottom. Runs synchronously (a completed <see cref="ValueTask{T}"/>)
/// unless the state really waits for something.
/// </summary>
internal abstract class StateNode
{
    protected StateNode(StateDefinition definition, HistoryEventType entered, HistoryEventType exited)
    {
        Name = definition.Name;
        EnteredType = entered;
        ExitedType = exited;
    }

    public string Name { get; }

    public HistoryEventType EnteredType { get; }

    public HistoryEventType ExitedType { get; }

    /// <summary>The state that follows on success; null at the end of the scope (and for Choice, Succeed, Fail).</summary>
    public StateNode? Next { get; set; }

    /// <summary>True when some field of the state reads <c>$$</c>.</summary>
    public bool ReadsContext { get; protected init; }

    /// <summary>Whether <c>$$.State.RetryCount</c> exists in this state (Task, Parallel, Map).</summary>
    protected virtual bool HasRetryCount => false;

    public abstract ValueTask<Step> RunAsync(Frame frame, Payload input);

    /// <summary>Writes the Entered event; afterwards the state is the scope's source.</summary>
    protected long Enter(Frame frame, Payload input)
    {
        frame.CheckDeadline();
        var run = frame.Run;
        run.CountEntered();
        var at = frame.Now;
        var id = run.Recorder.StateEntered(EnteredType, frame.Source, at, Name, input.Text);
        frame.Source = id;
        if (ReadsContext)
        {
            frame.Context.EnterState(Name, AslTimestamp.FormatContext(at), HasRetryCount ? 0 : null);
        }

        return id;
    }

    /// <summary>Writes the Exited event (checking the payload quota) and moves on to <paramref name="next"/>.</summary>
    protected Step Exit(Frame frame, Payload output, PendingAssignment? assigned, StateNode? next)
    {
        var text = output.Text;
        if (DataLimits.ExceedsPayloadLimit(text, frame.Run.Options.MaxPayloadBytes))
        {
            return Step.Fail(new Failure(StatesErrorNames.DataLimitExceeded, DataLimits.StateResultTooLarge(Name)) { IsTerminal = true });
        }

        assigned?.ApplyTo(frame.Variables);
        frame.Source = frame.Run.Recorder.StateExited(ExitedType, frame.Source, frame.Now, Name, text, assigned?.Texts);
        return Step.Continue(next, output);
    }

    /// <summary>
    /// A JSONata expression failed: AWS records <c>EvaluationFailed</c> (error, cause, location, state) and the state
    /// fails with <c>States.QueryEvaluationError</c> and the same cause. Recorded: the event points where the
    /// state's Entered event points (a Wait's Timestamp failure, found later, points at the Entered event).
    /// </summary>
    protected Step EvaluationFailed(Frame frame, QueryEvaluationException error, long enteredId)
    {
        var cause = StatesCauses.InState(Name, enteredId, error.Detail);
        var recorder = frame.Run.Recorder;
        var previous = error.FromEntered ? frame.Source : recorder.PreviousOf(enteredId);
        frame.Source = recorder.EvaluationFailed(previous, frame.Now, StatesErrorNames.QueryEvaluationError, cause, error.Location, Name);
        return Step.Fail(StatesErrorNames.QueryEvaluationError, cause);
    }

    /// <summary>A data-flow error raised by the expression layer, with AWS's state prefix on its cause.</summary>
    protected Step Failed(StatesException error, long enteredId)
    {
        var scoped = error.InState(Name, enteredId);
        return Step.Fail(scoped.Error, scoped.Cause);
    }
}

/// <summary>How a state ended: move to <see cref="Next"/> (null = end of scope) with <see cref="Output"/>, or fail.</summary>
internal readonly struct Step
{
    private Step(StateNode? next, Payload? output, Failure? failure)
    {
        Next = next;
        Output = output;
        Failure = failure;
    }

    public StateNode? Next { get; }

    public Payload? Output { get; }

    public Failure? Failure { get; }

    public static Step Continue(StateNode? next, Payload output) => new(next, output, null);

    public static Step Fail(string? error, string? cause) => new(null, null, new Failure(error, cause));

    public static Step Fail(Failure failure) => new(null, null, failure);
}

/// <summary>An error as history records it; either part may be absent.</summary>
internal sealed record Failure(string? Error, string? Cause)
{
    /// <summary>True for errors no Retry or Catch handles (a state output over the payload quota).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Catch's error output: <c>{"Error": ..., "Cause": ...}</c>, missing parts as empty strings.</summary>
    public System.Text.Json.Nodes.JsonObject ToErrorOutput() => new()
    {
        ["Error"] = Error ?? "",
        ["Cause"] = Cause ?? "",
    };
}
