using SfnResume.Core.History;

namespace SfnResume.Local.Replay;

/// <summary>
/// The recorded events a run writes again before it goes live. Resuming after a restart replays the whole stored
/// history; a redrive replays the history rewound to its successful part (DurableTask's rewind: a pure rewrite of
/// the event list), so that only the states that did not succeed run again (redrive-and-resume.md section 1).
/// </summary>
internal sealed class ReplayPlan
{
    private static readonly HashSet<HistoryEventType> s_containerFailures =
    [
        HistoryEventType.ParallelStateFailed, HistoryEventType.ParallelStateAborted,
        HistoryEventType.MapStateFailed, HistoryEventType.MapStateAborted,
        HistoryEventType.MapIterationFailed, HistoryEventType.MapIterationAborted,
        HistoryEventType.MapRunFailed, HistoryEventType.MapRunAborted,
    ];

    private readonly ExecutionTimeline? _timeline;

    private ReplayPlan(IReadOnlyList<HistoryEvent> expected, long lastStoredId, long redrivenEventId, ExecutionTimeline? timeline)
    {
        Expected = expected;
        LastStoredId = lastStoredId;
        RedrivenEventId = redrivenEventId;
        _timeline = timeline;
    }

    /// <summary>Events the engine is expected to write again, in id order, with their stored ids.</summary>
    public IReadOnlyList<HistoryEvent> Expected { get; }

    /// <summary>The id of the last stored event; live events continue after it.</summary>
    public long LastStoredId { get; }

    /// <summary>The ExecutionRedriven event this attempt runs under, or 0 for the first attempt.</summary>
    public long RedrivenEventId { get; }

    /// <summary>A new execution: the stored ExecutionStarted event only.</summary>
    public static ReplayPlan ForStart(HistoryEvent started) => new([started], started.Id, 0, null);

    /// <summary>
    /// Continues a RUNNING execution from its stored history: every stored event is replayed. When the execution
    /// was redriven, the part before the last ExecutionRedriven is rewound first (as the redrive did).
    /// </summary>
    public static ReplayPlan ForResume(IReadOnlyList<HistoryEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var last = stored.Count == 0 ? 0 : stored[^1].Id;
        var redriven = -1;
        for (var i = stored.Count - 1; i >= 0; i--)
        {
            if (stored[i].Type == HistoryEventType.ExecutionRedriven)
            {
                redriven = i;
                break;
            }
        }

        if (redriven < 0)
        {
            return new ReplayPlan(stored, last, 0, null);
        }

        var before = stored.Take(redriven + 1).ToList();
        var (rewound, timeline) = Rewind(before);
        var expected = new List<HistoryEvent>(rewound);
        expected.AddRange(stored.Skip(redriven + 1));
        return new ReplayPlan(expected, last, stored[redriven].Id, timeline);
    }

    /// <summary>A redrive: the stored history (ending with the new ExecutionRedriven event) rewound to its successful part.</summary>
    public static ReplayPlan ForRedrive(IReadOnlyList<HistoryEvent> storedWithRedriven)
    {
        ArgumentNullException.ThrowIfNull(storedWithRedriven);
        var (rewound, timeline) = Rewind(storedWithRedriven);
        var redriven = storedWithRedriven[^1];
        return new ReplayPlan(rewound, redriven.Id, redriven.Id, timeline);
    }

    /// <summary>
    /// True when a live event pointing at <paramref name="storedId"/> continues the top level of a redriven
    /// execution: such events point at ExecutionRedriven instead (recorded: the rerun state's Entered event points
    /// at ExecutionRedriven). Inside Parallel branches and Map iterations events keep pointing into their scope.
    /// </summary>
    public bool ContinuesTopLevelBeforeRedrive(long storedId)
    {
        if (RedrivenEventId == 0 || storedId >= RedrivenEventId)
        {
            return false;
        }

        if (storedId <= 1)
        {
            return true;
        }

        var visit = _timeline?.VisitOf(storedId);
        if (visit is null || visit.Depth != 0)
        {
            return false;
        }

        var e = _timeline!.History.Events[(int)storedId - 1];
        return e.Type is not (HistoryEventType.ParallelStateStarted or HistoryEventType.MapStateStarted
            or HistoryEventType.MapIterationStarted or HistoryEventType.MapRunStarted);
    }

    /// <summary>
    /// Drops what a redrive reruns: the closing and ExecutionRedriven events; every state visit that has an Entered
    /// event and no Exited event, with everything inside it; except that a Parallel or inline Map visit that
    /// failed on its only attempt keeps its Entered and Started events and its succeeded branches and iterations,
    /// and loses only its failure events, so only the failed or aborted branches and iterations run again.
    /// </summary>
    internal static (IReadOnlyList<HistoryEvent> Events, ExecutionTimeline Timeline) Rewind(IReadOnlyList<HistoryEvent> events)
    {
        var timeline = ExecutionTimeline.Build(ExecutionHistory.FromEvents(events));
        var drop = new HashSet<long>();
        foreach (var visit in timeline.AllVisits())
        {
            if (visit.Exited is not null)
            {
                continue;
            }

            if (visit.StateType is VisitedStateType.Parallel or VisitedStateType.Map && visit.Attempts.Count == 1)
            {
                foreach (var e in visit.Events.Concat(visit.Attempts[0].Events))
                {
                    if (s_containerFailures.Contains(e.Type))
                    {
                        drop.Add(e.Id);
                    }
                }

                continue;
            }

            DropVisit(visit, drop);
        }

        var kept = new List<HistoryEvent>(events.Count);
        foreach (var e in events)
        {
            if (drop.Contains(e.Id) || IsClosingOrRedriven(e.Type))
            {
                continue;
            }

            if (s_containerFailures.Contains(e.Type) && timeline.VisitOf(e.Id) is not { Exited: not null })
            {
                continue;
            }

            kept.Add(e);
        }

        return (kept, timeline);
    }

    private static void DropVisit(StateVisit visit, HashSet<long> drop)
    {
        foreach (var e in visit.Events)
        {
            drop.Add(e.Id);
        }

        drop.Add(visit.Entered.Id);
        foreach (var attempt in visit.Attempts)
        {
            foreach (var e in attempt.Events)
            {
                drop.Add(e.Id);
            }

            foreach (var scope in attempt.Branches.Cast<TimelineScope>().Concat(attempt.Iterations))
            {
                foreach (var inner in scope.Visits)
                {
                    DropVisit(inner, drop);
                }
            }
        }
    }

    private static bool IsClosingOrRedriven(HistoryEventType type) => type is HistoryEventType.ExecutionSucceeded
        or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTimedOut or HistoryEventType.ExecutionAborted
        or HistoryEventType.ExecutionRedriven;
}
