namespace SfnResume.Core.History;

/// <summary>
/// The execution rebuilt as a tree of state visits, every level linked through <c>previousEventId</c> (never
/// guessed from order): top-level visits, Parallel branches and Map iterations nested to any depth, retries kept
/// as attempts, redrives continuing the same tree.
/// </summary>
public sealed class ExecutionTimeline
{
    private readonly StateVisit?[] _visitOfEvent;

    internal ExecutionTimeline(ExecutionHistory history, ExecutionScope root, StateVisit?[] visitOfEvent,
        IReadOnlyList<HistoryEvent> redrives, HistoryEvent? terminal, ExecutionStatus status, StateVisit? failedVisit)
    {
        History = history;
        Root = root;
        _visitOfEvent = visitOfEvent;
        Redrives = redrives;
        TerminalEvent = terminal;
        Status = status;
        FailedVisit = failedVisit;
    }

    public ExecutionHistory History { get; }

    /// <summary>The top level; <see cref="Visits"/> is its list.</summary>
    public ExecutionScope Root { get; }

    /// <summary>Top-level visits in the order they were entered.</summary>
    public IReadOnlyList<StateVisit> Visits => Root.Visits;

    public ExecutionStatus Status { get; }

    /// <summary>ExecutionStarted, or null for a history that lacks it (CloudWatch at level ERROR).</summary>
    public HistoryEvent? StartedEvent => History.Count > 0 && History.Events[0].Type == HistoryEventType.ExecutionStarted
        ? History.Events[0]
        : History.Events.FirstOrDefault(e => e.Type == HistoryEventType.ExecutionStarted);

    /// <summary>The execution input (JSON text) from ExecutionStarted.</summary>
    public string? Input => StartedEvent?.ExecutionStartedEventDetails?.Input;

    /// <summary>ExecutionSucceeded/Failed/Aborted/TimedOut after the last redrive; null while running.</summary>
    public HistoryEvent? TerminalEvent { get; }

    public string? Error => TerminalEvent?.Error;

    public string? Cause => TerminalEvent?.Cause;

    /// <summary>The output of a succeeded execution.</summary>
    public string? Output => TerminalEvent?.ExecutionSucceededEventDetails?.Output;

    /// <summary>The ExecutionRedriven events, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> Redrives { get; }

    /// <summary>How many times the execution was redriven (the last ExecutionRedriven's redriveCount, else their number).</summary>
    public int RedriveCount => Redrives.Count == 0
        ? 0
        : Redrives[^1].ExecutionRedrivenEventDetails?.RedriveCount ?? Redrives.Count;

    /// <summary>
    /// The innermost visit the failure chain leads to, walking <c>previousEventId</c> back from the terminal event
    /// through ParallelStateFailed/MapStateFailed to the failing event; for an aborted or timed-out execution, the
    /// innermost visit that was cut off. Null for a succeeded or running execution.
    /// </summary>
    public StateVisit? FailedVisit { get; }

    /// <summary>The visits from the top level down to <see cref="FailedVisit"/> (empty when there is none).</summary>
    public IReadOnlyList<StateVisit> FailurePath => FailedVisit is null ? [] : [.. FailedVisit.Ancestors, FailedVisit];

    /// <summary>Builds the timeline of a history.</summary>
    public static ExecutionTimeline Build(ExecutionHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new TimelineBuilder(history).Build();
    }

    /// <summary>The visit an event belongs to (the Parallel/Map visit for its Started/iteration events), or null.</summary>
    public StateVisit? VisitOf(long eventId) => eventId >= 1 && eventId <= History.Count ? _visitOfEvent[eventId] : null;

    /// <summary>The last visit of a top-level state, e.g. to take its last recorded input.</summary>
    public StateVisit? LastVisit(string topLevelStateName)
    {
        for (var i = Visits.Count - 1; i >= 0; i--)
        {
            if (Visits[i].Name == topLevelStateName)
            {
                return Visits[i];
            }
        }

        return null;
    }

    /// <summary>Every visit at any depth, depth first in entry order (each Parallel/Map before its inner visits, all attempts).</summary>
    public IEnumerable<StateVisit> AllVisits() => Walk(Root);

    /// <summary>Every visit of states with this name, at any depth.</summary>
    public IEnumerable<StateVisit> VisitsOf(string stateName) => AllVisits().Where(v => v.Name == stateName);

    private static IEnumerable<StateVisit> Walk(TimelineScope scope)
    {
        foreach (var visit in scope.Visits)
        {
            yield return visit;
            foreach (var attempt in visit.Attempts)
            {
                foreach (var branch in attempt.Branches)
                {
                    foreach (var inner in Walk(branch))
                    {
                        yield return inner;
                    }
                }

                foreach (var iteration in attempt.Iterations)
                {
                    foreach (var inner in Walk(iteration))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
