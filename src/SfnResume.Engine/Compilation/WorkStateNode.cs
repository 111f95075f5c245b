using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>The states that do work and can be retried or caught: Task, Parallel, Map.</summary>
internal abstract class WorkStateNode : StateNode
{
    protected WorkStateNode(StateDefinition definition, HistoryEventType entered, HistoryEventType exited, ErrorHandling handling, EngineRandom random)
        : base(definition, entered, exited)
    {
        Handling = handling;
        Random = random;
    }

    public ErrorHandling Handling { get; }

    protected EngineRandom Random { get; }

    protected override bool HasRetryCount => true;

    /// <summary>
    /// Decides whether <paramref name="failure"/> is retried; when it is, counts the retry and returns the pause.
    /// </summary>
    protected bool TryRetry(Frame frame, Failure failure, ref int[]? counters, ref int retryCount, out TimeSpan pause) =>
        TryRetry(frame, failure.Error, failure.IsTerminal, ref counters, ref retryCount, out pause);

    /// <summary>As <see cref="TryRetry(Frame, Failure, ref int[], ref int, out TimeSpan)"/>, for an error not (yet) held in a <see cref="Failure"/>.</summary>
    protected bool TryRetry(Frame frame, string? error, bool isTerminal, ref int[]? counters, ref int retryCount, out TimeSpan pause)
    {
        var next = isTerminal ? null : Handling.NextRetry(error, ref counters, frame.Run.Options.NextRandom);
        if (next is null)
        {
            pause = default;
            return false;
        }

        pause = next.Value;
        retryCount++;
        frame.Run.CountRetry();
        if (ReadsContext)
        {
            frame.Context.SetRetryCount(retryCount);
        }

        return true;
    }

    /// <summary>
    /// Hands <paramref name="failure"/> to the first matching catcher, or fails the state. JSONata evaluation errors of
    /// Task, Parallel and Map come here too: States.QueryEvaluationError is not one of the errors States.ALL excludes
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html); no recording shows one caught.
    /// </summary>
    protected Step CatchOrFail(Frame frame, Payload rawInput, Failure failure, long enteredId)
    {
        var catcher = failure.IsTerminal ? null : Handling.FindCatcher(failure.Error);
        if (catcher is null)
        {
            return Step.Fail(failure);
        }

        if (catcher.Jsonata is { } outcome)
        {
            try
            {
                var errorOutput = failure.ToErrorOutput();
                var (output, jsonataAssigned) = outcome.Evaluate(
                    JsonataScope.ForError(frame, rawInput.Node, errorOutput, ReadsContext), Payload.FromNode(errorOutput));
                return Exit(frame, output, jsonataAssigned, catcher.Target);
            }
            catch (QueryEvaluationException e)
            {
                return EvaluationFailed(frame, e, enteredId);
            }
        }

        try
        {
            var assigned = catcher.Assign?.Evaluate(frame, failure.ToErrorOutput(), Random);
            return Exit(frame, catcher.Output(rawInput, failure), assigned, catcher.Target);
        }
        catch (StatesException e)
        {
            return Failed(e, enteredId);
        }
    }
}
