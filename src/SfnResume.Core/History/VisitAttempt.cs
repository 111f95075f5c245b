namespace SfnResume.Core.History;

/// <summary>
/// One attempt of a state: for a Task, from a <c>*Scheduled</c> event to its success or failure (Retry makes more);
/// for a Parallel or Map, from <c>ParallelStateStarted</c>/<c>MapStateStarted</c> to its Succeeded/Failed event,
/// with the branches or iterations it ran (a retry reruns them all).
/// </summary>
public sealed class VisitAttempt
{
    private readonly List<HistoryEvent> _events = [];
    private readonly List<ParallelBranch> _branches = [];
    private readonly List<MapIteration> _iterations = [];

    internal VisitAttempt(StateVisit visit, int number, HistoryEvent start)
    {
        Visit = visit;
        Number = number;
        Start = start;
        _events.Add(start);
    }

    public StateVisit Visit { get; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; }

    /// <summary>TaskScheduled, LambdaFunctionScheduled, ActivityScheduled, ParallelStateStarted or MapStateStarted.</summary>
    public HistoryEvent Start { get; }

    /// <summary>The event that ended the attempt (a success or failure event); null while running.</summary>
    public HistoryEvent? End { get; internal set; }

    /// <summary>The attempt's own events in id order (not those of its branches or iterations).</summary>
    public IReadOnlyList<HistoryEvent> Events => _events;

    /// <summary>The failure event (TaskFailed, LambdaFunctionTimedOut, ParallelStateFailed ...) if the attempt failed.</summary>
    public HistoryEvent? Failure { get; internal set; }

    public bool Failed => Failure is not null;

    /// <summary>Error of the failure; for a Parallel/Map, the error of the inner event that made it fail.</summary>
    public string? Error { get; internal set; }

    public string? Cause { get; internal set; }

    /// <summary>The Parallel branches, in the order their first events were written.</summary>
    public IReadOnlyList<ParallelBranch> Branches => _branches;

    /// <summary>The Map iterations, by index.</summary>
    public IReadOnlyList<MapIteration> Iterations => _iterations;

    public MapIteration? Iteration(int index)
    {
        var at = Find(index);
        return at >= 0 ? _iterations[at] : null;
    }

    internal void AddEvent(HistoryEvent e) => _events.Add(e);

    internal ParallelBranch AddBranch(string firstStateName)
    {
        var branch = new ParallelBranch(Visit, this, firstStateName, _branches.Count);
        _branches.Add(branch);
        return branch;
    }

    internal MapIteration AddIteration(int index, HistoryEvent started)
    {
        var iteration = new MapIteration(Visit, this, index, started);
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
