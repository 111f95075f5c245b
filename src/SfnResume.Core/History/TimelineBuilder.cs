namespace SfnResume.Core.History;

/// <summary>
/// Places each event, in id order, under the visit its <c>previousEventId</c> leads to (history-events.md section 3):
/// an Entered event starts a visit in its predecessor's scope (a new branch after ParallelStateStarted, the
/// iteration after MapIterationStarted); closing events (Exited, Parallel/Map Succeeded/Failed) go to the nearest
/// open visit of their kind above their predecessor, since they point at the last inner event.
/// </summary>
internal sealed class TimelineBuilder
{
    private readonly ExecutionHistory _history;
    private readonly ExecutionScope _root = new();
    private readonly StateVisit?[] _visitOf;
    private readonly VisitAttempt?[] _branchesStartedBy;
    private readonly MapIteration?[] _iterationStartedBy;
    private readonly List<StateVisit> _open = [];
    private readonly List<HistoryEvent> _redrives = [];
    private HistoryEvent? _terminal;

    public TimelineBuilder(ExecutionHistory history)
    {
        _history = history;
        var slots = history.Count + 1;
        _visitOf = new StateVisit?[slots];
        _branchesStartedBy = new VisitAttempt?[slots];
        _iterationStartedBy = new MapIteration?[slots];
    }

    public ExecutionTimeline Build()
    {
        foreach (var e in _history.Events)
        {
            Place(e);
        }

        var status = ExecutionStatusOf(_terminal);
        var visits = new ExecutionTimeline(_history, _root, _visitOf, _redrives, _terminal, status, null).AllVisits().ToList();
        foreach (var visit in visits)
        {
            TakeAttemptFailure(visit);
        }

        var failed = FindFailedVisit(status);
        foreach (var visit in visits)
        {
            visit.Status = StatusOf(visit, status);
        }

        return new ExecutionTimeline(_history, _root, _visitOf, _redrives, _terminal, status, failed);
    }

    private void Place(HistoryEvent e)
    {
        var previous = e.PreviousEventId >= 1 && e.PreviousEventId < e.Id ? e.PreviousEventId : 0;
        var from = _visitOf[previous];
        switch (EventTypes.Role(e.Type))
        {
            case EventRole.ExecutionStarted:
                break;
            case EventRole.ExecutionTerminal:
                _terminal = e;
                break;
            case EventRole.ExecutionRedriven:
                _redrives.Add(e);
                _terminal = null;
                foreach (var visit in _open)
                {
                    visit.Closed = false;
                }

                break;
            case EventRole.StateEntered:
                Enter(e, previous, from);
                break;
            case EventRole.StateExited:
                Exit(e, from);
                break;
            case EventRole.StateAborted:
            case EventRole.ContainerAborted:
                Abort(e, from);
                break;
            case EventRole.AttemptScheduled:
                if (from is not null)
                {
                    from.StartAttempt(e);
                    _visitOf[e.Id] = from;
                }

                break;
            case EventRole.AttemptFailed:
            case EventRole.MapRunFailed:
                if (from is not null)
                {
                    var attempt = from.LastAttempt;
                    from.AddEvent(e);
                    if (attempt is not null && attempt.End is null)
                    {
                        attempt.End = e;
                        attempt.Failure = e;
                        attempt.Error = e.Error;
                        attempt.Cause = e.Cause;
                    }

                    _visitOf[e.Id] = from;
                }

                break;
            case EventRole.ContainerStarted:
                StartContainer(e, from);
                break;
            case EventRole.ContainerSucceeded:
            case EventRole.ContainerFailed:
                EndContainer(e, from);
                break;
            case EventRole.IterationStarted:
                StartIteration(e, from);
                break;
            case EventRole.IterationEnded:
                EndIteration(e, from);
                break;
            case EventRole.EvaluationFailed:
                EvaluationFailed(e, previous, from);
                break;
            default:
                if (from is not null)
                {
                    from.AddEvent(e);
                    if (IsTaskSuccess(e.Type) && from.LastAttempt is { End: null } attempt)
                    {
                        attempt.End = e;
                    }

                    _visitOf[e.Id] = from;
                }

                break;
        }
    }

    private void Enter(HistoryEvent e, long previous, StateVisit? from)
    {
        TimelineScope scope;
        if (_branchesStartedBy[previous] is { } parallelAttempt)
        {
            scope = parallelAttempt.AddBranch(e.StateName ?? "");
        }
        else if (_iterationStartedBy[previous] is { } iteration)
        {
            scope = iteration;
        }
        else
        {
            scope = from?.Scope ?? _root;
        }

        var visit = new StateVisit(e, scope);
        scope.Add(visit);
        _open.Add(visit);
        _visitOf[e.Id] = visit;
        if (visit.StateType == VisitedStateType.Fail)
        {
            // A Fail state fails as soon as it is entered; its error and cause are on the event the failure reaches.
            visit.FailureEvent = e;
        }
    }

    private void Exit(HistoryEvent e, StateVisit? from)
    {
        var type = EventTypes.StateType(e.Type);
        var name = e.StateName;
        var visit = Up(from, v => v.Exited is null && v.StateType == type && v.Name == name);
        if (visit is null)
        {
            return;
        }

        visit.AddEvent(e);
        visit.Exited = e;
        _open.Remove(visit);
        _visitOf[e.Id] = visit;
    }

    /// <summary>
    /// Aborted events carry no name and point at the failing event, not at the visit they end; they go to an open
    /// visit of their kind: first those that did not fail themselves (the failed Task gets one too in recorded
    /// histories, but not always), the one closest to the failing visit in the tree, the earliest entered.
    /// </summary>
    private void Abort(HistoryEvent e, StateVisit? from)
    {
        var type = EventTypes.StateType(e.Type);
        StateVisit? best = null;
        var bestShared = -1;
        foreach (var candidate in _open)
        {
            if (candidate.StateType != type || candidate.Aborted is not null)
            {
                continue;
            }

            var failed = candidate.FailureEvent is not null || candidate.LastAttempt is { Failed: true };
            var shared = (failed ? 0 : 1 << 20) + SharedDepth(candidate, from);
            if (shared > bestShared)
            {
                best = candidate;
                bestShared = shared;
            }
        }

        if (best is null)
        {
            from?.AddEvent(e);
            _visitOf[e.Id] = from;
            return;
        }

        best.AddEvent(e);
        best.Aborted = e;
        _visitOf[e.Id] = best;
    }

    private void StartContainer(HistoryEvent e, StateVisit? from)
    {
        var type = e.Type == HistoryEventType.ParallelStateStarted ? VisitedStateType.Parallel : VisitedStateType.Map;
        var visit = Up(from, v => v.IsOpen && v.StateType == type);
        if (visit is null)
        {
            return;
        }

        var attempt = visit.StartAttempt(e);
        _visitOf[e.Id] = visit;
        if (type == VisitedStateType.Parallel)
        {
            _branchesStartedBy[e.Id] = attempt;
        }

        // A retry reruns every branch or iteration: what the previous attempt left open is over.
        foreach (var inner in _open)
        {
            if (!ReferenceEquals(inner, visit) && IsInside(inner, visit))
            {
                inner.Closed = true;
            }
        }
    }

    private void EndContainer(HistoryEvent e, StateVisit? from)
    {
        var type = e.Type is HistoryEventType.ParallelStateSucceeded or HistoryEventType.ParallelStateFailed
            ? VisitedStateType.Parallel
            : VisitedStateType.Map;
        var visit = Up(from, v => v.IsOpen && v.StateType == type);
        if (visit is null)
        {
            return;
        }

        visit.AddEvent(e);
        _visitOf[e.Id] = visit;
        var attempt = visit.LastAttempt;
        if (attempt is not null && attempt.End is null)
        {
            attempt.End = e;
        }

        if (e.Type is HistoryEventType.ParallelStateFailed or HistoryEventType.MapStateFailed)
        {
            // The state reports the error of the inner event it points at (history-events.md section 3).
            var cause = RootFailure(e.PreviousEventId);
            if (attempt is not null)
            {
                attempt.Failure = e;
                attempt.Error = cause?.Error;
                attempt.Cause = cause?.Cause;
            }

            visit.FailureEvent = e;
            visit.Error = cause?.Error;
            visit.Cause = cause?.Cause;
            visit.Closed = true;
        }
    }

    private void StartIteration(HistoryEvent e, StateVisit? from)
    {
        var details = e.MapIterationStartedEventDetails;
        var visit = Up(from, v => v.IsOpen && v.StateType == VisitedStateType.Map && (details?.Name is null || v.Name == details.Name));
        if (visit is null)
        {
            return;
        }

        _visitOf[e.Id] = visit;
        visit.AddEvent(e);
        if (visit.LastAttempt is { } attempt)
        {
            _iterationStartedBy[e.Id] = attempt.AddIteration(details?.Index ?? attempt.Iterations.Count, e);
        }
    }

    private void EndIteration(HistoryEvent e, StateVisit? from)
    {
        var details = e.MapIterationSucceededEventDetails ?? e.MapIterationFailedEventDetails ?? e.MapIterationAbortedEventDetails;
        var visit = Up(from, v => v.IsOpen && v.StateType == VisitedStateType.Map && (details?.Name is null || v.Name == details.Name));
        if (visit is null)
        {
            return;
        }

        _visitOf[e.Id] = visit;
        visit.AddEvent(e);
        if (details?.Index is { } index && visit.LastAttempt?.Iteration(index) is { } iteration)
        {
            iteration.Ended = e;
        }
    }

    /// <summary>
    /// EvaluationFailed points where the failing state's Entered event points (recorded: Entered 2&lt;-0,
    /// EvaluationFailed 3&lt;-0), so the visit is the latest one entered from the same event with the state's name.
    /// </summary>
    private void EvaluationFailed(HistoryEvent e, long previous, StateVisit? from)
    {
        var state = e.EvaluationFailedEventDetails?.State;
        StateVisit? visit = null;
        for (var i = _open.Count - 1; i >= 0 && visit is null; i--)
        {
            var v = _open[i];
            if (v.Entered.PreviousEventId == previous && v.Name == state)
            {
                visit = v;
            }
        }

        visit ??= Up(from, v => v.Name == state) ?? from;
        if (visit is null)
        {
            return;
        }

        visit.AddEvent(e);
        visit.FailureEvent = e;
        visit.Error = e.Error;
        visit.Cause = e.Cause;
        _visitOf[e.Id] = visit;
    }

    private StateVisit? FindFailedVisit(ExecutionStatus status)
    {
        if (status is ExecutionStatus.Running or ExecutionStatus.Succeeded || _terminal is null)
        {
            return null;
        }

        var visit = FollowFailureChain(_terminal);
        if (visit is not null && status == ExecutionStatus.Failed)
        {
            if (visit.FailureEvent is null || visit.StateType == VisitedStateType.Fail)
            {
                // States.Runtime at a state, or a Fail state: the execution's error is the visit's.
                visit.FailureEvent ??= _terminal;
                visit.Error = _terminal.Error;
                visit.Cause = _terminal.Cause;
            }

            FillContainerErrors(visit);
        }

        if (visit is null && status is ExecutionStatus.Aborted or ExecutionStatus.TimedOut)
        {
            // A stop or timeout points at no state (recorded: WaitStateEntered 2<-0, ExecutionAborted 3<-0): take the
            // innermost visit still open.
            visit = _open.Where(v => v.Exited is null).MaxBy(v => (v.Depth, v.Entered.Id));
        }

        return visit;
    }

    /// <summary>From the terminal event back along previousEventId, through Parallel/Map failures, to the failing visit.</summary>
    private StateVisit? FollowFailureChain(HistoryEvent terminal) =>
        RootFailure(terminal.PreviousEventId) is { } e ? _visitOf[e.Id] : null;

    /// <summary>
    /// The event a failure started from: ParallelStateFailed/MapStateFailed and MapIterationFailed are passed through
    /// to the event they point at. AWS points them straight at the failing event; some producers chain them.
    /// </summary>
    private HistoryEvent? RootFailure(long id)
    {
        while (id >= 1 && id <= _history.Count)
        {
            var e = _history[id];
            if (EventTypes.Role(e.Type) is not (EventRole.ContainerFailed or EventRole.IterationEnded)
                || e.PreviousEventId >= id)
            {
                return e;
            }

            id = e.PreviousEventId;
        }

        return null;
    }

    /// <summary>A Parallel/Map whose inner failure had no error of its own (a Fail state) reports the execution's.</summary>
    private void FillContainerErrors(StateVisit failed)
    {
        for (var v = failed.Parent; v is not null; v = v.Parent)
        {
            if (v.FailureEvent is not null && v.Error is null)
            {
                v.Error = failed.Error;
                v.Cause = failed.Cause;
                if (v.LastAttempt is { Failed: true, Error: null } attempt)
                {
                    attempt.Error = failed.Error;
                    attempt.Cause = failed.Cause;
                }
            }
        }
    }

    /// <summary>A visit whose last attempt failed failed with that attempt's failure, unless a later event says more.</summary>
    private static void TakeAttemptFailure(StateVisit visit)
    {
        if (visit.LastAttempt is { Failed: true } attempt
            && (visit.FailureEvent is null || visit.FailureEvent.Id < attempt.Start.Id))
        {
            visit.FailureEvent = attempt.Failure;
            visit.Error = attempt.Error;
            visit.Cause = attempt.Cause;
        }
    }

    private static VisitStatus StatusOf(StateVisit visit, ExecutionStatus execution)
    {
        // A failure recorded before a later attempt started was retried away.
        var attempt = visit.LastAttempt;
        var failed = visit.FailureEvent is { } failure && (attempt is null || attempt.Failed || failure.Id > attempt.Start.Id);
        if (!failed)
        {
            visit.FailureEvent = null;
            visit.Error = null;
            visit.Cause = null;
        }

        if (visit.Exited is not null)
        {
            return failed ? VisitStatus.Caught : VisitStatus.Succeeded;
        }

        if (failed)
        {
            return VisitStatus.Failed;
        }

        if (visit.Aborted is not null)
        {
            return VisitStatus.Aborted;
        }

        var cutOff = execution != ExecutionStatus.Running
            || visit.Closed
            || (visit.Scope.Attempt is { } scopeAttempt
                && (scopeAttempt.End is not null || !ReferenceEquals(scopeAttempt, scopeAttempt.Visit.LastAttempt)));
        return cutOff ? VisitStatus.Aborted : VisitStatus.NotFinished;
    }

    private static ExecutionStatus ExecutionStatusOf(HistoryEvent? terminal) => terminal?.Type switch
    {
        HistoryEventType.ExecutionSucceeded => ExecutionStatus.Succeeded,
        HistoryEventType.ExecutionFailed => ExecutionStatus.Failed,
        HistoryEventType.ExecutionTimedOut => ExecutionStatus.TimedOut,
        HistoryEventType.ExecutionAborted => ExecutionStatus.Aborted,
        _ => ExecutionStatus.Running,
    };

    private static bool IsTaskSuccess(HistoryEventType type) =>
        type is HistoryEventType.TaskSucceeded or HistoryEventType.LambdaFunctionSucceeded or HistoryEventType.ActivitySucceeded
            or HistoryEventType.MapRunSucceeded;

    private static StateVisit? Up(StateVisit? start, Func<StateVisit, bool> match)
    {
        for (var v = start; v is not null; v = v.Parent)
        {
            if (match(v))
            {
                return v;
            }
        }

        return null;
    }

    private static bool IsInside(StateVisit inner, StateVisit outer)
    {
        for (var v = inner.Parent; v is not null; v = v.Parent)
        {
            if (ReferenceEquals(v, outer))
            {
                return true;
            }
        }

        return false;
    }

    private static int SharedDepth(StateVisit a, StateVisit? b)
    {
        if (b is null)
        {
            return 0;
        }

        var ancestorsOfB = new HashSet<StateVisit>(ReferenceEqualityComparer.Instance);
        for (var v = b; v is not null; v = v.Parent)
        {
            ancestorsOfB.Add(v);
        }

        for (var v = a.Parent; v is not null; v = v.Parent)
        {
            if (ancestorsOfB.Contains(v))
            {
                return v.Depth + 1;
            }
        }

        return 0;
    }
}
