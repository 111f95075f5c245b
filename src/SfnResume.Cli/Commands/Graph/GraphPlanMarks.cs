using SfnResume.Core.Asl;
using SfnResume.Core.Graph;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Graph;

/// <summary>
/// What a <see cref="ResumePlan"/> does per state, as the picture colours it. The only place that reads a plan for
/// the picture: when plans say per state what they do, this becomes a copy of that.
/// </summary>
internal static class GraphPlanMarks
{
    /// <summary>The Mermaid picture of a plan, as <c>plan --out</c> writes it next to the copy.</summary>
    public static string Mermaid(StateMachineDefinition definition, ExecutionTimeline timeline, ResumePlan plan) =>
        GraphRenderer.Mermaid(definition, timeline, From(definition, timeline, plan));

    /// <summary>
    /// Top level: skipped states skip, the resume state resumes here, states reachable from it run again.
    /// Inside the resume state, along the failure path: a branch the timeline says succeeded has its result reused,
    /// a failed or aborted one runs again. Everything else nested takes its block's mark.
    /// </summary>
    public static Dictionary<string, PlanMark> From(StateMachineDefinition definition, ExecutionTimeline timeline, ResumePlan plan)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(plan);
        var marks = new Dictionary<string, PlanMark>(StringComparer.Ordinal);
        var skipped = plan.Skipped.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var reachable = Reachable(definition.Root, plan.ResumeState);
        foreach (var state in definition.States)
        {
            PlanMark? mark = skipped.Contains(state.Name) ? PlanMark.Skip
                : state.Name == plan.ResumeState ? PlanMark.ResumeHere
                : reachable.Contains(state.Name) ? PlanMark.RunAgain
                : null;
            if (mark is { } m)
            {
                marks[state.Name] = m;
                MarkInside(definition, marks, state.Name, null, m == PlanMark.ResumeHere ? PlanMark.RunAgain : m);
            }
        }

        if (definition.FindState(plan.ResumeState) is ParallelState parallel && timeline?.LastVisit(plan.ResumeState) is { } visit)
        {
            MarkBranches(definition, marks, parallel, visit);
        }

        return marks;
    }

    private static void MarkBranches(StateMachineDefinition definition, Dictionary<string, PlanMark> marks, ParallelState parallel, StateVisit visit)
    {
        foreach (var branch in visit.Branches)
        {
            // The history knows a branch by its first state, the definition by its index.
            var index = -1;
            for (var i = 0; i < parallel.Branches.Length && index < 0; i++)
            {
                index = parallel.Branches[i].StartAt == branch.FirstStateName ? i : -1;
            }

            if (index < 0)
            {
                continue;
            }

            var mark = branch.Status == VisitStatus.Succeeded ? PlanMark.Reuse : PlanMark.RunAgain;
            MarkInside(definition, marks, parallel.Name, index, mark);
            if (mark == PlanMark.RunAgain)
            {
                // A Parallel that failed inside a failed branch: its own branches that succeeded can be reused too.
                foreach (var inner in branch.Visits.Where(v => v.StateType == VisitedStateType.Parallel && v.Status == VisitStatus.Failed))
                {
                    if (definition.FindState(inner.Name) is ParallelState innerParallel)
                    {
                        MarkBranches(definition, marks, innerParallel, inner);
                    }
                }
            }
        }
    }

    /// <summary>Marks every state nested in <paramref name="owner"/> (in one branch when <paramref name="branchIndex"/> is set), by path.</summary>
    private static void MarkInside(StateMachineDefinition definition, Dictionary<string, PlanMark> marks, string owner, int? branchIndex, PlanMark mark)
    {
        foreach (var location in definition.AllStates)
        {
            if (location.Scope.Path.Any(s => s.StateName == owner && (branchIndex is null || s.BranchIndex == branchIndex)))
            {
                marks[GraphRenderer.PathOf(location)] = mark;
            }
        }
    }

    /// <summary>The states of <paramref name="scope"/> reachable from <paramref name="start"/>, itself excluded.</summary>
    private static HashSet<string> Reachable(StateScope scope, string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var name))
        {
            if (!scope.StatesByName.TryGetValue(name, out var state))
            {
                continue;
            }

            foreach (var next in state.Successors)
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        seen.Remove(start);
        return seen;
    }
}
