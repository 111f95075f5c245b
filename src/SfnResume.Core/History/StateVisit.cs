namespace SfnResume.Core.History;

/// <summary>
/// One visit of a state: from its <c>*StateEntered</c> event to its <c>*StateExited</c> (or failure, abort, or the
/// end of the history), with every event linked to it through <c>previousEventId</c>.
/// </summary>
public sealed class StateVisit
{
    private readonly List<HistoryEvent> _events = [];
    private readonly List<VisitAttempt> _attempts = [];

    internal StateVisit(HistoryEvent entered, TimelineScope scope)
    {
        Entered = entered;
        Scope = scope;
        Name = entered.StateName ?? "";
        StateType = EventTypes.StateType(entered.Type);
        _events.Add(entered);
    }

    public string Name { get; }

    /// <summary>The state's type, from the event type (<c>MapStateEntered</c> is a Map).</summary>
    public VisitedStateType StateType { get; }

    public HistoryEvent Entered { get; }

    public HistoryEvent? Exited { get; internal set; }

    /// <summary>TaskStateAborted, WaitStateAborted, ParallelStateAborted or MapStateAborted, when one was recorded for this visit.</summary>
    public HistoryEvent? Aborted { get; internal set; }

    /// <summary>Where the visit sits: the top level, a Parallel branch or a Map iteration.</summary>
    public TimelineScope Scope { get; }

    /// <summary>The enclosing Parallel or Map visit; null at the top level.</summary>
    public StateVisit? Parent => Scope.Owner;

    /// <summary>0 at the top level, 1 inside a top-level Parallel/Map, and so on.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The visit's own events in id order (its branches' and iterations' events are in those scopes).</summary>
    public IReadOnlyList<HistoryEvent> Events => _events;

    /// <summary>The state's input: <c>stateEnteredEventDetails.input</c>, JSON text.</summary>
    public string? Input => Entered.StateEnteredEventDetails?.Input;

    /// <summary>The state's output (the catcher's error output when <see cref="VisitStatus.Caught"/>), or null.</summary>
    public string? Output => Exited?.StateExitedEventDetails?.Output;

    /// <summary>
    /// <see cref="Output"/> parsed as JSON without first decoding it to a string (see
    /// <see cref="StateExitedEventDetails.TryParseOutput"/>); false when no output was recorded.
    /// </summary>
    public bool TryParseOutput(out System.Text.Json.Nodes.JsonNode? output, out int outputLength)
    {
        if (Exited?.StateExitedEventDetails is { } details)
        {
            return details.TryParseOutput(out output, out outputLength);
        }

        (output, outputLength) = (null, 0);
        return false;
    }

    /// <summary>Variables assigned when the state exited (name to value as JSON text), or null.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables => Exited?.StateExitedEventDetails?.AssignedVariables;

    public VisitStatus Status { get; internal set; }

    /// <summary>
    /// The event that made the visit fail: the last attempt's failure, an EvaluationFailed, a ParallelStateFailed or
    /// MapStateFailed, the FailStateEntered of a Fail state, or the ExecutionFailed that the failure chain leads from
    /// to this visit (States.Runtime). Null when the visit did not fail.
    /// </summary>
    public HistoryEvent? FailureEvent { get; internal set; }

    /// <summary>The error name of the failure (for a Parallel/Map, the inner error that made it fail).</summary>
    public string? Error { get; internal set; }

    public string? Cause { get; internal set; }

    /// <summary>Task attempts (one per Scheduled event) or Parallel/Map attempts (one per Started event).</summary>
    public IReadOnlyList<VisitAttempt> Attempts => _attempts;

    public VisitAttempt? LastAttempt => _attempts.Count == 0 ? null : _attempts[^1];

    /// <summary>Retries made: attempts after the first.</summary>
    public int RetryCount => Math.Max(0, _attempts.Count - 1);

    /// <summary>The branches of the last Parallel attempt.</summary>
    public IReadOnlyList<ParallelBranch> Branches => LastAttempt?.Branches ?? [];

    /// <summary>The iterations of the last Map attempt, by index.</summary>
    public IReadOnlyList<MapIteration> Iterations => LastAttempt?.Iterations ?? [];

    /// <summary>
    /// Where the visit is: state names from the top, with the branch's first state name or the iteration index
    /// between a Parallel/Map and its inner state: <c>FulfilOrder/PrepareCharges/ChargeItems/3/ChargeItem</c>.
    /// </summary>
    public string Path => Parent is null ? Name : $"{Parent.Path}/{Scope.Segment}/{Name}";

    /// <summary>The enclosing visits from the top level down, this one excluded.</summary>
    public IReadOnlyList<StateVisit> Ancestors
    {
        get
        {
            var list = new List<StateVisit>();
            for (var v = Parent; v is not null; v = v.Parent)
            {
                list.Add(v);
            }

            list.Reverse();
            return list;
        }
    }

    internal bool Closed { get; set; }

    internal bool IsOpen => Exited is null && !Closed;

    internal void AddEvent(HistoryEvent e)
    {
        _events.Add(e);
        if (_attempts.Count > 0 && LastAttempt!.End is null)
        {
            LastAttempt.CountEvent();
        }
    }

    internal VisitAttempt StartAttempt(HistoryEvent start)
    {
        _events.Add(start);
        var attempt = new VisitAttempt(this, _attempts.Count + 1, start, _events.Count - 1);
        _attempts.Add(attempt);
        return attempt;
    }

    public override string ToString() => $"{StateType} {Path} [{Status}]";
}
