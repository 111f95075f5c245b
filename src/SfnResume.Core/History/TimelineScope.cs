namespace SfnResume.Core.History;

/// <summary>Outcome of an execution (<c>DescribeExecution.status</c> as the history tells it).</summary>
public enum ExecutionStatus
{
    Running = 0,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}

/// <summary>Outcome of a state visit, a Parallel branch or a Map iteration.</summary>
public enum VisitStatus
{
    /// <summary>Entered and still going (the execution is running), or no end was recorded.</summary>
    NotFinished = 0,
    Succeeded,
    Failed,

    /// <summary>Failed, then exited through a Catch: the Exited output is the catcher's error output.</summary>
    Caught,

    /// <summary>Stopped from outside: an Aborted event, another branch failing, a stop or a timeout of the execution.</summary>
    Aborted,
}

/// <summary>A sequence of state visits: the execution's top level, one Parallel branch or one Map iteration.</summary>
public abstract class TimelineScope
{
    private protected readonly List<StateVisit> VisitList = [];

    private protected TimelineScope(StateVisit? owner, VisitAttempt? attempt)
    {
        Owner = owner;
        Attempt = attempt;
    }

    /// <summary>The Parallel or Map visit this scope runs in; null at the top level.</summary>
    public StateVisit? Owner { get; }

    /// <summary>The attempt of <see cref="Owner"/> this scope belongs to (retries of a Parallel/Map rerun every scope).</summary>
    public VisitAttempt? Attempt { get; }

    /// <summary>The visits in the order they were entered, linked through previousEventId.</summary>
    public IReadOnlyList<StateVisit> Visits => VisitList;

    internal void Add(StateVisit visit) => VisitList.Add(visit);

    /// <summary>The path segment this scope adds below its owner ("" at the top level).</summary>
    internal abstract string Segment { get; }
}

/// <summary>The execution's top level.</summary>
public sealed class ExecutionScope : TimelineScope
{
    internal ExecutionScope()
        : base(null, null)
    {
    }

    internal override string Segment => "";
}

/// <summary>
/// One branch of a Parallel attempt: the chain of visits whose first Entered event points at ParallelStateStarted.
/// The history does not record the branch's index, so a branch is known by <see cref="FirstStateName"/>.
/// </summary>
public sealed class ParallelBranch : TimelineScope
{
    internal ParallelBranch(StateVisit owner, VisitAttempt attempt, string firstStateName, int ordinal)
        : base(owner, attempt)
    {
        FirstStateName = firstStateName;
        Ordinal = ordinal;
    }

    /// <summary>The name of the branch's StartAt state (its first visit).</summary>
    public string FirstStateName { get; }

    /// <summary>0, 1, ... in the order the branches' first events were written (not the definition's order).</summary>
    public int Ordinal { get; }

    /// <summary>
    /// Failed when a visit failed, Aborted or NotFinished as its last visit, Succeeded when its last visit succeeded
    /// (or was caught) and the Parallel attempt is over.
    /// </summary>
    public VisitStatus Status
    {
        get
        {
            if (VisitList.Count == 0)
            {
                return VisitStatus.NotFinished;
            }

            if (VisitList.Any(v => v.Status == VisitStatus.Failed))
            {
                return VisitStatus.Failed;
            }

            return VisitList[^1].Status switch
            {
                VisitStatus.Aborted => VisitStatus.Aborted,
                VisitStatus.Succeeded or VisitStatus.Caught when Attempt!.IsOver => VisitStatus.Succeeded,
                _ => VisitStatus.NotFinished,
            };
        }
    }

    internal override string Segment => FirstStateName;
}

/// <summary>One iteration of an inline Map attempt, from MapIterationStarted to MapIterationSucceeded/Failed/Aborted.</summary>
public sealed class MapIteration : TimelineScope
{
    internal MapIteration(StateVisit owner, VisitAttempt attempt, int index, HistoryEvent started)
        : base(owner, attempt)
    {
        Index = index;
        Started = started;
    }

    /// <summary>The item's index (<c>mapIterationStartedEventDetails.index</c>).</summary>
    public int Index { get; }

    public HistoryEvent Started { get; }

    /// <summary>MapIterationSucceeded, MapIterationFailed or MapIterationAborted; null while running.</summary>
    public HistoryEvent? Ended { get; internal set; }

    public VisitStatus Status => Ended?.Type switch
    {
        HistoryEventType.MapIterationSucceeded => VisitStatus.Succeeded,
        HistoryEventType.MapIterationFailed => VisitStatus.Failed,
        HistoryEventType.MapIterationAborted => VisitStatus.Aborted,
        _ => VisitList.Count > 0 && VisitList[^1].Status == VisitStatus.Aborted ? VisitStatus.Aborted : VisitStatus.NotFinished,
    };

    internal override string Segment => Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
