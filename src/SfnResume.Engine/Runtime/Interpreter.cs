using SfnResume.Core.History;
using SfnResume.Engine.Compilation;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Runs a scope state by state. The loop stays synchronous while states complete synchronously (Pass, Choice,
/// Task with a synchronous invoker ...) and switches to an awaiting loop only at the first state that really waits.
/// </summary>
internal static class Interpreter
{
    public static ValueTask<ScopeOutcome> RunScopeAsync(CompiledScope scope, Frame frame, Payload input) =>
        RunFrom(scope.Start, frame, input);

    private static ValueTask<ScopeOutcome> RunFrom(StateNode start, Frame frame, Payload input)
    {
        var node = start;
        while (true)
        {
            var pending = node.RunAsync(frame, input);
            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(node, pending, frame);
            }

            var step = pending.Result;
            if (step.Failure is { } failure)
            {
                return new ValueTask<ScopeOutcome>(Fail(node, frame, failure));
            }

            if (step.Next is null)
            {
                return new ValueTask<ScopeOutcome>(new ScopeOutcome(step.Output, null));
            }

            node = step.Next;
            input = step.Output!;
        }
    }

    private static async ValueTask<ScopeOutcome> ContinueAsync(StateNode node, ValueTask<Step> pending, Frame frame)
    {
        while (true)
        {
            var step = await pending.ConfigureAwait(true);
            if (step.Failure is { } failure)
            {
                return Fail(node, frame, failure);
            }

            if (step.Next is null)
            {
                return new ScopeOutcome(step.Output, null);
            }

            node = step.Next;
            pending = node.RunAsync(frame, step.Output!);
        }
    }

    /// <summary>
    /// A failure leaving a branch or iteration: a Task that was running is closed with TaskStateAborted, pointing
    /// at the failing event (recorded; a Fail state gets no Aborted event).
    /// </summary>
    private static ScopeOutcome Fail(StateNode node, Frame frame, Failure failure)
    {
        if (!frame.IsTopLevel && node is TaskNode)
        {
            frame.Run.Recorder.Simple(HistoryEventType.TaskStateAborted, frame.Source, frame.Now);
        }

        return new ScopeOutcome(null, failure);
    }
}

/// <summary>How a scope ended: with an output, or with a failure (the scope's frame holds the failing event id as its source).</summary>
internal readonly record struct ScopeOutcome(Payload? Output, Failure? Failure);
