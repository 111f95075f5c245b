namespace SfnResume.Core.History;

/// <summary>After every event is placed: the execution's outcome, the failure chain, and each visit's status.</summary>
internal sealed partial class TimelineBuilder
{
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

        if (status is ExecutionStatus.Aborted or ExecutionStatus.TimedOut && visit is null or { Exited: not null })
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
            || visit.Scope.Attempt is { IsOver: true };
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
}
