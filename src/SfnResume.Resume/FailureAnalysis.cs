using System.Collections.Immutable;
using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Resume;

/// <summary>Finds the innermost failed state of a failed, timed-out or aborted execution and the way to it.</summary>
public static class FailureAnalysis
{
    /// <summary>Null when the execution did not fail (succeeded or still running).</summary>
    public static FailurePoint? Analyze(ExecutionTimeline timeline, StateMachineDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var status = StatusName(timeline.Status);
        if (status is null)
        {
            return null;
        }

        var path = timeline.FailurePath;
        if (path.Count == 0)
        {
            return new FailurePoint(status, "", [], timeline.Error, timeline.Cause);
        }

        var leaf = path[^1];
        // The execution's own error and cause are the final word (after retries); the leaf's fill in when absent.
        return new FailurePoint(status, leaf.Name, Segments(path, definition), timeline.Error ?? leaf.Error, timeline.Cause ?? leaf.Cause);
    }

    public static string? StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => null,
    };

    /// <summary>Turns a chain of visits into path segments with a branch or iteration step between levels.</summary>
    internal static ImmutableArray<PathSegment> Segments(IReadOnlyList<StateVisit> visits, StateMachineDefinition? definition)
    {
        var segments = ImmutableArray.CreateBuilder<PathSegment>();
        foreach (var visit in visits)
        {
            switch (visit.Scope)
            {
                case ParallelBranch branch:
                    segments.Add(new PathSegment(PathSegmentKind.Branch, branch.FirstStateName, BranchIndex(branch, definition), null));
                    break;
                case MapIteration iteration:
                    segments.Add(new PathSegment(PathSegmentKind.Iteration, null, iteration.Index, null));
                    break;
            }

            segments.Add(new PathSegment(PathSegmentKind.State, visit.Name, null, visit.Input));
        }

        return segments.ToImmutable();
    }

    /// <summary>
    /// The history does not record which branch ran; the branch is the one whose StartAt is the branch's first
    /// state (names are unique across a machine). Without the definition, the order of first events is used.
    /// </summary>
    private static int BranchIndex(ParallelBranch branch, StateMachineDefinition? definition)
    {
        if (definition?.FindState(branch.Owner!.Name) is ParallelState parallel)
        {
            for (var i = 0; i < parallel.Branches.Length; i++)
            {
                if (parallel.Branches[i].StartAt == branch.FirstStateName)
                {
                    return i;
                }
            }
        }

        return branch.Ordinal;
    }
}
