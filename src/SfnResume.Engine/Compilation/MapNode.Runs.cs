using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

internal sealed partial class MapNode
{
    /// <summary>
    /// Inline iterations. MapIterationStarted points at MapStateStarted, or with MaxConcurrency 1 at the last event of
    /// the previous iteration; MapIterationSucceeded points at the iteration's last event and is not a source.
    /// </summary>
    private async ValueTask<MapOutcome> RunInlineAsync(Frame frame, Payload effective, JsonArray items, Limits limits)
    {
        var run = frame.Run;
        var recorder = run.Recorder;
        var startedId = frame.Source;
        var count = items.Count;
        var outputs = new Payload[count];
        var frames = new Frame[count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(frame.Token);
        var state = new InlineRun(startedId);
        List<Task<(int Index, ScopeOutcome? Outcome)>>? running = null;
        for (var i = 0; i < count && state.Failure is null; i++)
        {
            while (running is { Count: > 0 } && limits.MaxConcurrency > 0 && running.Count >= limits.MaxConcurrency)
            {
                await CompleteOneAsync(running, frames, outputs, state, limits, count, recorder, stop).ConfigureAwait(true);
            }

            if (state.Failure is not null)
            {
                break;
            }

            var itemInput = ItemInput(frame, effective, items, i);
            var previous = limits.MaxConcurrency == 1 ? state.ChainSource : startedId;
            var iterationId = recorder.MapIteration(HistoryEventType.MapIterationStarted, previous, frame.Now, Name, i);
            var child = new Frame(run, new VariableScope(frame.Variables), iterationId, stop.Token, isTopLevel: false)
            {
                MapItemIndex = i,
                MapItemValue = items[i],
            };
            frames[i] = child;
            var pending = Interpreter.RunScopeAsync(Processor, child, itemInput);
            if (pending.IsCompletedSuccessfully)
            {
                Complete(i, pending.Result, frames, outputs, state, limits, count, recorder, stop);
            }
            else
            {
                (running ??= []).Add(Observe(i, pending, child, recorder, stop));
            }
        }

        while (running is { Count: > 0 })
        {
            await CompleteOneAsync(running, frames, outputs, state, limits, count, recorder, stop).ConfigureAwait(true);
        }

        return state.Failure is { } failure
            ? new MapOutcome(null, failure, state.FailingEventId)
            : new MapOutcome(ParallelNode.JoinOutputs(outputs), null, state.LastSucceededId);
    }

    private async Task CompleteOneAsync(
        List<Task<(int Index, ScopeOutcome? Outcome)>> running, Frame[] frames, Payload[] outputs, InlineRun state, Limits limits, int count, HistoryRecorder recorder, CancellationTokenSource stop)
    {
        var finished = await Task.WhenAny(running).ConfigureAwait(true);
        running.Remove(finished);
        var (index, outcome) = await finished.ConfigureAwait(true);
        if (outcome is { } done)
        {
            Complete(index, done, frames, outputs, state, limits, count, recorder, stop);
        }
    }

    private void Complete(int index, ScopeOutcome outcome, Frame[] frames, Payload[] outputs, InlineRun state, Limits limits, int count, HistoryRecorder recorder, CancellationTokenSource stop)
    {
        var child = frames[index];
        if (outcome.Failure is null)
        {
            state.LastSucceededId = Math.Max(state.LastSucceededId, recorder.MapIteration(HistoryEventType.MapIterationSucceeded, child.Source, child.Now, Name, index));
            state.ChainSource = child.Source;
            outputs[index] = outcome.Output!;
            return;
        }

        recorder.MapIteration(HistoryEventType.MapIterationFailed, child.Source, child.Now, Name, index);
        state.ChainSource = child.Source;
        state.Failures++;
        outputs[index] = Payload.FromNode(outcome.Failure.ToErrorOutput());
        if (state.Failure is null && limits.Exceeded(state.Failures, count))
        {
            state.Failure = limits.HasTolerance ? new Failure(StatesErrorNames.ExceedToleratedFailureThreshold, ThresholdCause) : outcome.Failure;
            state.FailingEventId = child.Source;
            var reason = new AbortReason(child.Source, IsStop: false);
            foreach (var other in frames)
            {
                if (other is not null)
                {
                    other.AbortReason = reason;
                }
            }

            stop.Cancel();
        }
    }

    private async Task<(int Index, ScopeOutcome? Outcome)> Observe(int index, ValueTask<ScopeOutcome> pending, Frame child, HistoryRecorder recorder, CancellationTokenSource stop)
    {
        try
        {
            return (index, await pending.ConfigureAwait(true));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && child.AbortReason is { } reason)
        {
            recorder.MapIteration(HistoryEventType.MapIterationAborted, reason.IsStop ? child.Source : reason.FailingEventId, child.Now, Name, index);
            return (index, null);
        }
        catch (OperationCanceledException) when (child.Token.IsCancellationRequested)
        {
            // StopExecution: the iteration is closed, then the stop goes on up to ExecutionAborted.
            recorder.MapIteration(HistoryEventType.MapIterationAborted, child.Source, child.Now, Name, index);
            throw;
        }
    }

    /// <summary>
    /// Distributed mode: each item runs as a child execution whose events stay out of this history; the parent
    /// writes MapRunStarted and MapRunSucceeded/MapRunFailed. Children cannot read the parent's variables.
    /// </summary>
    private async ValueTask<MapOutcome> RunDistributedAsync(Frame frame, Payload effective, JsonArray items, Limits limits)
    {
        var run = frame.Run;
        var identity = run.Identity;
        var recorder = run.Recorder;
        var label = _label ?? run.Options.NewGuid().ToString("N")[..8];
        var mapRunArn = "arn:aws:states:" + identity.Region + ":" + identity.AccountId + ":mapRun:" + identity.StateMachineName + "/" + label + ":" + run.Options.NewGuid();
        var firstState = frame.IsTopLevel && frame.Run.Recorder.Events[(int)frame.Source - 2].PreviousEventId == 0;
        var runStartedId = frame.Source = recorder.MapRunStarted(frame.Source, frame.Now, mapRunArn);
        var outputs = new Payload[items.Count];
        var failures = 0;
        Failure? failure = null;
        for (var i = 0; i < items.Count && failure is null; i++)
        {
            var itemInput = ItemInput(frame, effective, items, i);
            var childName = run.Options.NewGuid().ToString();
            var childIdentity = identity with
            {
                ExecutionArn = "arn:aws:states:" + identity.Region + ":" + identity.AccountId + ":execution:" + identity.StateMachineName + "/" + label + ":" + childName,
                ExecutionName = childName,
            };
            var childRun = new ExecutionRun(run.Options, new HistoryRecorder(null, null), childIdentity, itemInput.Text, frame.Now, frame.Token) { Clock = run.Clock };
            var child = new Frame(childRun, new VariableScope(null), 0, frame.Token, isTopLevel: true);
            var outcome = await Interpreter.RunScopeAsync(Processor, child, itemInput).ConfigureAwait(true);

            if (outcome.Failure is { } childFailure)
            {
                failures++;
                outputs[i] = Payload.FromNode(childFailure.ToErrorOutput());
                if (limits.Exceeded(failures, items.Count))
                {
                    failure = new Failure(StatesErrorNames.ExceedToleratedFailureThreshold, ThresholdCause);
                }
            }
            else
            {
                outputs[i] = outcome.Output!;
            }
        }

        if (failure is not null)
        {
            frame.Source = recorder.MapRunFailed(frame.Source, frame.Now, failure.Error, failure.Cause);
            return new MapOutcome(null, failure, frame.Source);
        }

        frame.Source = recorder.Simple(HistoryEventType.MapRunSucceeded, frame.Source, frame.Now);

        // Recorded: MapStateSucceeded points at MapRunSucceeded; MapStateExited points at MapRunStarted, except when
        // the Map is the execution's first state (its Entered event points at 0), where it points at MapRunSucceeded too,
        // as it did everywhere before AWS changed it in 2024.
        var exitFollowsRun = firstState || AwsHistoryChanges.Before(run.Options.AwsBehaviourOf, AwsHistoryChanges.MapStateExitedFollowsMapRunStarted);
        return new MapOutcome(ParallelNode.JoinOutputs(outputs), null, frame.Source) { ExitSource = exitFollowsRun ? frame.Source : runStartedId };
    }

    /// <summary>Bookkeeping of one inline run.</summary>
    private sealed class InlineRun(long startedId)
    {
        public long ChainSource { get; set; } = startedId;

        public long LastSucceededId { get; set; } = startedId;

        public int Failures { get; set; }

        public Failure? Failure { get; set; }

        public long FailingEventId { get; set; }
    }
}
