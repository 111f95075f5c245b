using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// One running scope: the top level, a Parallel branch or a Map iteration. It keeps the scope's history
/// "source" (the id the next event points at, history-events.md section 3), its variables and its context object.
/// </summary>
internal sealed class Frame
{
    private ContextObject? _context;

    public Frame(ExecutionRun run, VariableScope variables, long source, CancellationToken token, bool isTopLevel)
    {
        Run = run;
        Variables = variables;
        Source = source;
        Token = token;
        IsTopLevel = isTopLevel;
    }

    public ExecutionRun Run { get; }

    public VariableScope Variables { get; }

    /// <summary>The id the next event of this scope points at.</summary>
    public long Source { get; set; }

    /// <summary>Cancelled when the execution stops or a sibling branch/iteration fails.</summary>
    public CancellationToken Token { get; }

    public bool IsTopLevel { get; }

    /// <summary>Why <see cref="Token"/> was cancelled, when a sibling failed (set before cancelling).</summary>
    public AbortReason? AbortReason { get; set; }

    /// <summary>
    /// The JSONata environment of this scope, reused from state to state (building one per evaluation costs more
    /// than the evaluation); each step rebinds <c>$states</c> and the variables it reads.
    /// </summary>
    public SfnResume.Core.Expressions.Jsonata.JsonataEnvironment? JsonataEnvironment { get; set; }

    /// <summary>For a Map iteration: its index and item (<c>$$.Map.Item</c>).</summary>
    public int MapItemIndex { get; init; } = -1;

    public JsonNode? MapItemValue { get; init; }

    public DateTimeOffset Now => Run.Clock is { } clock ? clock.Now : Run.Time.GetUtcNow();

    /// <summary>The context object, built on first use.</summary>
    public ContextObject Context
    {
        get
        {
            if (_context is null)
            {
                _context = new ContextObject(Run);
                if (MapItemIndex >= 0)
                {
                    _context.SetMapItem(MapItemIndex, MapItemValue?.DeepClone());
                }
            }

            return _context;
        }
    }

    /// <summary>The documents paths read: <paramref name="input"/> as <c>$</c>, the context object only when the state reads it.</summary>
    public JsonPathScope Scope(JsonNode? input, bool withContext) =>
        new(input, withContext ? Context.Root : null, Variables);

    /// <summary>Waits <paramref name="delay"/>: real time, or on the virtual clock in fast-forward mode.</summary>
    public ValueTask DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        return Run.Clock is { } clock
            ? new ValueTask(clock.SleepAsync(delay, Token))
            : new ValueTask(Task.Delay(delay, Run.Time, Token));
    }

    /// <summary>Throws when the execution's own <c>TimeoutSeconds</c> has passed (fast-forward mode checks it between states).</summary>
    public void CheckDeadline()
    {
        Token.ThrowIfCancellationRequested();
        if (Run.Deadline is { } deadline && Now >= deadline)
        {
            throw new ExecutionTimeoutException();
        }
    }
}

/// <summary>Why a branch or iteration was told to stop.</summary>
/// <param name="FailingEventId">The event the Aborted events point at.</param>
/// <param name="IsStop">True for StopExecution, false when a sibling failed.</param>
internal sealed record AbortReason(long FailingEventId, bool IsStop);

/// <summary>The execution ran past its <c>TimeoutSeconds</c>.</summary>
internal sealed class ExecutionTimeoutException : Exception
{
    public ExecutionTimeoutException()
        : base("The execution timed out.")
    {
    }
}
