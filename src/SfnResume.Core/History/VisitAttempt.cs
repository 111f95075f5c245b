namespace SfnResume.Core.History;

/// <summary>
/// One attempt of a state: for a Task, from a <c>*Scheduled</c> event to its success or failure (Retry makes more);
/// for a Parallel or Map, from <c>ParallelStateStarted</c>/<c>MapStateStarted</c> to its Succeeded/Failed event,
/// with the branches or iterations it ran (a retry reruns them all).
/// </summary>
public sealed class VisitAttempt
{
    private List<ParallelBranch>? _branches;
    private List<MapIteration>? _iterations;

    private readonly int _firstEvent;
    private int _eventCount = 1;

    /// <param name="firstEvent">Index of <paramref name="start"/> in the visit's events: an attempt's events are a run of them.</param>
    internal VisitAttempt(StateVisit visit, int number, HistoryEvent start, int firstEvent)
    {
        Visit = visit;
        Number = number;
        Start = start;
        _firstEvent = firstEvent;
    }

    public StateVisit Visit { get; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; }

    /// <summary>TaskScheduled, LambdaFunctionScheduled, ActivityScheduled, ParallelStateStarted or MapStateStarted.</summary>
    public HistoryEvent Start { get; }

    /// <summary>The event that ended the attempt (a success or failure event); null while running.</summary>
    public HistoryEvent? End { get; internal set; }

    /// <summary>The attempt's own events in id order (not those of its branches or iterations).</summary>
    public IReadOnlyList<HistoryEvent> Events => Visit.Events.Skip(_firstEvent).Take(_eventCount).ToArray();

    /// <summary>The failure event (TaskFailed, LambdaFunctionTimedOut, ParallelStateFailed ...) if the attempt failed.</summary>
    public HistoryEvent? Failure { get; internal set; }

    public bool Failed => Failure is not null;

    /// <summary>Ended, or replaced by a later attempt (a retry that followed no Failed event).</summary>
    public bool IsOver => End is not null || !ReferenceEquals(this, Visit.LastAttempt);

    /// <summary>Error of the failure; for a Parallel/Map, the error of the inner event that made it fail.</summary>
    public string? Error { get; internal set; }

    public string? Cause { get; internal set; }

    /// <summary>The Parallel branches, in the order their first events were written.</summary>
    public IReadOnlyList<ParallelBranch> Branches => (IReadOnlyList<ParallelBranch>?)_branches ?? [];

    /// <summary>The Map iterations, by index.</summary>
    public IReadOnlyList<MapIteration> Iterations => (IReadOnlyList<MapIteration>?)_iterations ?? [];

    public MapIteration? Iteration(int index)
    {
        var at = Find(index);
        return at >= 0 ? _iterations![at] : null;
    }

    /// <summary>The visit's next event belongs to this attempt.</summary>
    internal void CountEvent() => _eventCount++;

    internal ParallelBranch AddBranch(string firstStateName)
    {
        _branches ??= [];
        var branch = new ParallelBranch(Visit, this, firstStateName, _branches.Count);
        _branches.Add(branch);
        return branch;
    }

    internal MapIteration AddIteration(int index, HistoryEvent started)
    {
        var iteration = new MapIteration(Visit, this, index, started);
        _iterations ??= [];
        var at = Find(index);
        if (at >= 0)
        {
            _iterations[at] = iteration;
        }
        else
        {
            _iterations.Insert(~at, iteration);
        }

        return iteration;
    }

    /// <summary>Binary search by index; iterations mostly arrive in order, so inserting stays cheap.</summary>
    private int Find(int index)
    {
        if (_iterations is null)
        {
            return -1;
        }

        int lo = 0, hi = _iterations.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var i = _iterations[mid].Index;
            if (i == index)
            {
                return mid;
            }

            if (i < index)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
