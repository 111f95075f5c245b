using System.Globalization;
using SfnResume.Core.History;

namespace SfnResume.Core.Graph;

/// <summary>
/// What the execution did with each state, by name (names are unique across a valid machine): every visit of
/// the last attempt of each Parallel/Map (a retried block reran everything, so its earlier attempts are history),
/// the worst status among them, and the counts a Parallel or Map node shows.
/// </summary>
internal sealed class StateOutcomes
{
    private readonly Dictionary<string, List<StateVisit>> _visits = new(StringComparer.Ordinal);

    public StateOutcomes(ExecutionTimeline timeline)
    {
        Collect(timeline.Visits);
    }

    public NodeClass ClassOf(string state)
    {
        if (!_visits.TryGetValue(state, out var visits))
        {
            return NodeClass.NotReached;
        }

        // The most telling status wins: one failed iteration among 10,000 makes the state red.
        if (visits.Any(v => v.Status == VisitStatus.Failed))
        {
            return NodeClass.Failed;
        }

        if (visits.Any(v => v.Status == VisitStatus.Caught))
        {
            return NodeClass.Caught;
        }

        if (visits.Any(v => v.Status == VisitStatus.Aborted))
        {
            return NodeClass.Aborted;
        }

        return visits.Any(v => v.Status == VisitStatus.NotFinished) ? NodeClass.NotFinished : NodeClass.Succeeded;
    }

    /// <summary>Detail lines under the state's name: visit counts, branch or iteration counts, retries.</summary>
    public IEnumerable<string> Details(string state)
    {
        if (!_visits.TryGetValue(state, out var visits))
        {
            yield break;
        }

        if (visits.Count > 1)
        {
            yield return Counts(visits.Select(v => v.Status).ToList(), "visit", "visits", null);
        }

        // Branches and iterations are counted for the last visit: a loop or a Map runs the block many times.
        var last = visits[^1];
        var which = visits.Count > 1 ? "last visit: " : "";
        if (last.StateType == VisitedStateType.Parallel && last.Branches.Count > 0)
        {
            yield return which + Counts(last.Branches.Select(b => b.Status).ToList(), "branch", "branches", null);
        }
        else if (last.StateType == VisitedStateType.Map && last.LastAttempt is { } attempt)
        {
            var length = attempt.Start.MapStateStartedEventDetails?.Length;
            yield return which + Counts(last.Iterations.Select(i => i.Status).ToList(), "iteration", "iterations", length);
        }

        var retries = visits.Sum(v => v.RetryCount);
        if (retries > 0)
        {
            yield return retries == 1 ? "1 retry" : $"{Number(retries)} retries";
        }
    }

    /// <summary>
    /// <c>3 of 10,000 iterations failed, 2 aborted</c>; <c>2 branches succeeded</c>. <paramref name="total"/>
    /// is the item count MapStateStarted recorded, which counts items that never started.
    /// </summary>
    internal static string Counts(IReadOnlyList<VisitStatus> statuses, string one, string many, int? total)
    {
        var all = Math.Max(total ?? 0, statuses.Count);
        var noun = all == 1 ? one : many;
        var failed = statuses.Count(s => s == VisitStatus.Failed);
        var caught = statuses.Count(s => s == VisitStatus.Caught);
        var aborted = statuses.Count(s => s == VisitStatus.Aborted);
        var open = statuses.Count(s => s == VisitStatus.NotFinished);
        var notStarted = all - statuses.Count;
        var parts = new List<(int Count, string Word)>
        {
            (failed, "failed"), (caught, "caught"), (aborted, "aborted"), (open, "not finished"), (notStarted, "not started"),
        }.Where(p => p.Count > 0).ToList();
        if (parts.Count == 0)
        {
            return all == 0 ? $"no {many}" : $"{Number(all)} {noun} succeeded";
        }

        var rest = string.Concat(parts.Skip(1).Select(p => $", {Number(p.Count)} {p.Word}"));
        return $"{Number(parts[0].Count)} of {Number(all)} {noun} {parts[0].Word}{rest}";
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private void Collect(IReadOnlyList<StateVisit> visits)
    {
        foreach (var visit in visits)
        {
            if (!_visits.TryGetValue(visit.Name, out var list))
            {
                _visits[visit.Name] = list = [];
            }

            list.Add(visit);
            foreach (var branch in visit.Branches)
            {
                Collect(branch.Visits);
            }

            foreach (var iteration in visit.Iterations)
            {
                Collect(iteration.Visits);
            }
        }
    }
}
