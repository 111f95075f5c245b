using System.Globalization;
using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Resume;

/// <summary>
/// Finds the visit <c>--from</c> names: a top-level state, an unambiguous inner state name, or a path such as
/// <c>Outer Parallel/branch 1/Inner Task</c> or <c>Items/iteration 3/Charge</c> (indices from 0; a branch may also be
/// named by its first state, an iteration by its bare number). The last visit at that place wins.
/// </summary>
internal static class FromStateResolver
{
    public static StateVisit Resolve(StateMachineDefinition definition, ExecutionTimeline timeline, string from)
    {
        if (from.Contains('/', StringComparison.Ordinal) && !definition.TryGetLocation(from, out _))
        {
            return ResolvePath(definition, timeline, from);
        }

        if (!definition.TryGetLocation(from, out var location))
        {
            throw new ResumePlanningException($"--from: the definition has no state '{from}'");
        }

        if (location.Scope.IsRoot)
        {
            return timeline.LastVisit(from)
                ?? throw new ResumePlanningException($"--from: the execution never entered state '{from}', so there is no recorded input to resume it with");
        }

        StateVisit? last = null;
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var visit in timeline.VisitsOf(from))
        {
            places.Add(visit.Path);
            last = visit;
        }

        if (last is null)
        {
            throw new ResumePlanningException($"--from: the execution never entered state '{from}' (inside '{location.Scope.OwnerStateName}'), so there is no recorded input to resume it with");
        }

        if (places.Count > 1)
        {
            throw new ResumePlanningException(
                $"--from: state '{from}' ran in {places.Count} branches or iterations; name one with a path such as '{Describe(last)}'");
        }

        return last;
    }

    /// <summary>The path form of a visit, as <c>--from</c> accepts it.</summary>
    public static string Describe(StateVisit visit)
    {
        var parts = new List<string>();
        for (var v = visit; v is not null; v = v.Parent)
        {
            parts.Add(v.Name);
            switch (v.Scope)
            {
                case MapIteration iteration:
                    parts.Add("iteration " + iteration.Index.ToString(CultureInfo.InvariantCulture));
                    break;
                case ParallelBranch branch:
                    parts.Add(branch.FirstStateName);
                    break;
            }
        }

        parts.Reverse();
        return string.Join("/", parts);
    }

    private static StateVisit ResolvePath(StateMachineDefinition definition, ExecutionTimeline timeline, string from)
    {
        var segments = from.Split('/');
        var visit = timeline.LastVisit(segments[0])
            ?? throw new ResumePlanningException($"--from '{from}': the execution never entered a top-level state '{segments[0]}'");
        for (var i = 1; i < segments.Length; i += 2)
        {
            if (i + 1 >= segments.Length)
            {
                throw new ResumePlanningException($"--from '{from}': the path must end with a state name after '{segments[i]}'");
            }

            var scope = Scope(definition, visit, segments[i], from);
            var name = segments[i + 1];
            visit = scope.Visits.LastOrDefault(v => v.Name == name)
                ?? throw new ResumePlanningException($"--from '{from}': '{segments[i]}' of '{visit.Name}' never entered state '{name}'");
        }

        return visit;
    }

    private static TimelineScope Scope(StateMachineDefinition definition, StateVisit owner, string segment, string from)
    {
        var attempt = owner.LastAttempt
            ?? throw new ResumePlanningException($"--from '{from}': '{owner.Name}' never started its branches or iterations");
        var text = segment.Trim();
        if (owner.StateType == VisitedStateType.Map)
        {
            var number = text.StartsWith("iteration ", StringComparison.Ordinal) ? text["iteration ".Length..] : text;
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new ResumePlanningException($"--from '{from}': after Map '{owner.Name}' write 'iteration N' (N from 0), not '{segment}'");
            }

            return attempt.Iteration(index)
                ?? throw new ResumePlanningException($"--from '{from}': Map '{owner.Name}' never started iteration {index}");
        }

        var first = text;
        if (text.StartsWith("branch ", StringComparison.Ordinal)
            && int.TryParse(text["branch ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            && definition.FindState(owner.Name) is ParallelState parallel)
        {
            if (b >= parallel.Branches.Length)
            {
                throw new ResumePlanningException($"--from '{from}': Parallel '{owner.Name}' has {parallel.Branches.Length} branches (numbered from 0)");
            }

            first = parallel.Branches[b].StartAt;
        }

        return attempt.Branches.FirstOrDefault(x => x.FirstStateName == first)
            ?? throw new ResumePlanningException($"--from '{from}': '{owner.Name}' has no recorded branch '{segment}'");
    }
}
