namespace SfnResume.Core.History;

/// <summary>
/// Places each event, in id order, under the visit its <c>previousEventId</c> leads to (history-events.md section 3):
/// an Entered event starts a visit in its predecessor's scope (a new branch after ParallelStateStarted, the
/// iteration after MapIterationStarted); closing events (Exited, Parallel/Map Succeeded/Failed) go to the nearest
/// open visit of their kind above their predecessor, since they point at the last inner event.
/// </summary>
internal sealed partial class TimelineBuilder
{
    private readonly ExecutionHistory _history;
    private readonly ExecutionScope _root = new();
    private readonly StateVisit?[] _visitOf;
    private readonly Dictionary<long, VisitAttempt> _branchesStartedBy = [];
    private readonly Dictionary<long, MapIteration> _iterationStartedBy = [];
    private readonly List<StateVisit> _open = [];
    private readonly List<StateVisit> _visits = [];
    private readonly List<HistoryEvent> _redrives = [];
    private HistoryEvent? _terminal;

    public TimelineBuilder(ExecutionHistory history)
    {
        _history = history;
        var slots = history.Count + 1;
        _visitOf = new StateVisit?[slots];
    }

    public ExecutionTimeline Build()
    {
        foreach (var e in _history.Events)
        {
            Place(e);
        }

        var status = ExecutionStatusOf(_terminal);
        var visits = _visits;
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
                // Redrive reruns the failed state in the same tree (redrive-and-resume.md section 1); where AWS
                // points the next event is unconfirmed, so an event pointing at ExecutionRedriven continues the
                // visit the failure chain led to: a new attempt of it, or a new visit beside it.
                _visitOf[e.Id] = _terminal is not null ? FollowFailureChain(_terminal) : null;
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
        if (_branchesStartedBy.TryGetValue(previous, out var parallelAttempt))
        {
            scope = parallelAttempt.AddBranch(e.StateName ?? "");
        }
        else if (_iterationStartedBy.TryGetValue(previous, out var iteration))
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
        _visits.Add(visit);
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

        if (e.Type is HistoryEventType.ParallelStateSucceeded or HistoryEventType.MapStateSucceeded && attempt is { Failed: true })
        {
            // Only a redrive lets a failed attempt finish: its rerun branches or iterations succeeded.
            attempt.End = e;
            attempt.Failure = null;
            attempt.Error = null;
            attempt.Cause = null;
            visit.FailureEvent = null;
            visit.Error = null;
            visit.Cause = null;
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
