using System.Text;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Parallel (https://states-language.net/#parallel-state): every branch gets the same input; the result is the
/// array of branch outputs in branch order. Branches that complete synchronously run one after the other (a
/// deterministic history); branches that wait run concurrently. A failing branch stops the others (their running
/// states write Aborted events) and the state reports the branch's own error.
/// </summary>
internal sealed class ParallelNode : WorkStateNode
{
    private readonly SelectPath _inputPath;
    private readonly TemplateField? _parameters;
    private readonly ResultFields _result;
    private readonly JsonataTemplate? _arguments;
    private readonly JsonataOutcome? _jsonata;

    public ParallelNode(ParallelState state, ErrorHandling handling, EngineRandom random)
        : base(state, HistoryEventType.ParallelStateEntered, HistoryEventType.ParallelStateExited, handling, random)
    {
        _inputPath = SelectPath.Compile(state.InputPath);
        _parameters = TemplateField.Compile(state.Parameters);
        _result = new ResultFields(state.ResultSelector, state.ResultPath, state.OutputPath, state.Assign);
        if (state.IsJsonata)
        {
            _arguments = JsonataTemplate.Compile(state.Arguments, "Arguments");
            _jsonata = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
        }

        ReadsContext = (_arguments?.ReadsContext ?? false) || (_jsonata?.ReadsContext ?? false) || _inputPath.ReadsContext || (_parameters?.ReadsContext ?? false)
            || _result.ReadsContext || handling.ReadsContext;
    }

    public CompiledScope[] Branches { get; set; } = [];

    public override async ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        try
        {
            return await RunStateAsync(frame, input).ConfigureAwait(true);
        }
        catch (OperationCanceledException) when (frame.Token.IsCancellationRequested)
        {
            Aborts.Write(frame, HistoryEventType.ParallelStateAborted);
            throw;
        }
    }

    private async ValueTask<Step> RunStateAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        Payload branchInput;
        try
        {
            if (_jsonata is not null)
            {
                branchInput = _arguments is null ? input : Payload.FromNode(_arguments.Evaluate(JsonataScope.ForInput(frame, input.Node, ReadsContext)));
            }
            else
            {
                var effective = _inputPath.Apply(frame, input);
                branchInput = _parameters is null ? effective : _parameters.Evaluate(frame, effective, Random);
            }
        }
        catch (StatesException e)
        {
            return Failed(e, enteredId);
        }
        catch (QueryEvaluationException e)
        {
            return CatchOrFail(frame, input, EvaluationFailed(frame, e, enteredId).Failure!, enteredId);
        }

        var recorder = frame.Run.Recorder;
        int[]? counters = null;
        var retryCount = 0;
        while (true)
        {
            frame.Source = recorder.Simple(HistoryEventType.ParallelStateStarted, frame.Source, frame.Now);
            var outcome = await RunBranchesAsync(frame, branchInput.With(branchInput.Node, shared: true)).ConfigureAwait(true);
            if (outcome.Failure is { } failure)
            {
                // As for Map (recorded): a retry restarts with ParallelStateStarted pointing at the failing event.
                if (TryRetry(frame, failure, ref counters, ref retryCount, out var pause))
                {
                    frame.Source = outcome.LastEventId;
                    await frame.DelayAsync(pause).ConfigureAwait(true);
                    continue;
                }

                frame.Source = recorder.Simple(HistoryEventType.ParallelStateFailed, outcome.LastEventId, frame.Now);
                return CatchOrFail(frame, input, failure, enteredId);
            }

            // ParallelStateSucceeded and the Exited event both point at the last branch event (recorded).
            recorder.Simple(HistoryEventType.ParallelStateSucceeded, outcome.LastEventId, frame.Now);
            frame.Source = outcome.LastEventId;
            if (_jsonata is not null)
            {
                try
                {
                    var (jsonataOutput, jsonataAssigned) = _jsonata.Evaluate(
                        JsonataScope.ForResult(frame, input.Node, outcome.Result!.Node, ReadsContext), outcome.Result!);
                    return Exit(frame, jsonataOutput, jsonataAssigned, Next);
                }
                catch (QueryEvaluationException e)
                {
                    return CatchOrFail(frame, input, EvaluationFailed(frame, e, enteredId).Failure!, enteredId);
                }
            }

            try
            {
                var result = outcome.Result!;
                var output = _result.Output(frame, input, result, Random, out var assigned);
                return Exit(frame, output, assigned, Next);
            }
            catch (StatesException e)
            {
                return Failed(e, enteredId);
            }
        }
    }

    private async ValueTask<BranchesOutcome> RunBranchesAsync(Frame frame, Payload input)
    {
        var run = frame.Run;
        var startedId = frame.Source;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(frame.Token);
        var frames = new Frame[Branches.Length];
        var outputs = new Payload?[Branches.Length];
        List<(int Index, Task<ScopeOutcome> Task)>? waiting = null;
        Failure? failure = null;
        long failingEventId = 0;
        for (var i = 0; i < Branches.Length && failure is null; i++)
        {
            frames[i] = new Frame(run, new VariableScope(frame.Variables), startedId, stop.Token, isTopLevel: false);
            var pending = Interpreter.RunScopeAsync(Branches[i], frames[i], input);
            if (pending.IsCompletedSuccessfully)
            {
                var done = pending.Result;
                outputs[i] = done.Output;
                if (done.Failure is { } f)
                {
                    failure = f;
                    failingEventId = frames[i].Source;
                }
            }
            else
            {
                (waiting ??= []).Add((i, pending.AsTask()));
            }
        }

        if (waiting is not null)
        {
            if (failure is not null)
            {
                StopOthers(frames, failingEventId, stop);
            }

            var remaining = waiting.Select(w => w.Task).ToList();
            while (remaining.Count > 0)
            {
                var finished = await Task.WhenAny(remaining).ConfigureAwait(true);
                remaining.Remove(finished);
                var index = waiting.First(w => w.Task == finished).Index;
                try
                {
                    var done = await finished.ConfigureAwait(true);
                    outputs[index] = done.Output;
                    if (done.Failure is { } f && failure is null)
                    {
                        failure = f;
                        failingEventId = frames[index].Source;
                        StopOthers(frames, failingEventId, stop);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && failure is not null)
                {
                    // A sibling failed; this branch has written its Aborted events.
                }
            }
        }

        var last = startedId;
        foreach (var child in frames)
        {
            if (child is not null)
            {
                last = Math.Max(last, child.Source);
            }
        }

        if (failure is not null)
        {
            return new BranchesOutcome(null, failure, failingEventId);
        }

        return new BranchesOutcome(JoinOutputs(outputs!), null, last);
    }

    private static void StopOthers(Frame[] frames, long failingEventId, CancellationTokenSource stop)
    {
        var reason = new AbortReason(failingEventId, IsStop: false);
        foreach (var child in frames)
        {
            if (child is not null)
            {
                child.AbortReason = reason;
            }
        }

        stop.Cancel();
    }

    /// <summary>The result array, as nodes and as the branches' texts joined (AWS keeps each branch's text as it was).</summary>
    /// <remarks>The nodes are gathered first and handed to the array at once (one list of the exact size instead of
    /// one doubling per power of two); the text builder starts small and grows in chunks, so neither lands on the large
    /// object heap for a 10,000-item Map.</remarks>
    internal static Payload JoinOutputs(IReadOnlyList<Payload> outputs)
    {
        var nodes = new JsonNode?[outputs.Count];
        var text = new StringBuilder(Math.Min(2 + (outputs.Count * 16), 4096)).Append('[');
        for (var i = 0; i < outputs.Count; i++)
        {
            var output = outputs[i];
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(output.Text);
            var node = output.Node;
            nodes[i] = node is not null && (node.Parent is not null || output.IsShared) ? node.DeepClone() : node;
        }

        return Payload.FromNode(new JsonArray(nodes), text.Append(']').ToString(), shared: false);
    }

    private readonly record struct BranchesOutcome(Payload? Result, Failure? Failure, long LastEventId);
}
