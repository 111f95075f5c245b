using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>How a level of the failure path is entered from the level above.</summary>
public enum PathSegmentKind
{
    /// <summary>A state visit.</summary>
    State,

    /// <summary>A Parallel branch, by its index in the definition's <c>Branches</c>.</summary>
    Branch,

    /// <summary>A Map iteration, by the item's index.</summary>
    Iteration,
}

/// <summary>One step of the way from the top level down to the failed state.</summary>
/// <param name="Name">The state name; for a branch, the name of its StartAt state; for an iteration, null.</param>
/// <param name="Index">The branch index (from 0, as in the definition) or the item index.</param>
/// <param name="Input">For a state, the input recorded when it was entered (JSON text).</param>
public sealed record PathSegment(PathSegmentKind Kind, string? Name, int? Index, string? Input)
{
    /// <summary><c>Parallel 2</c>, <c>branch 1</c>, <c>iteration 3</c>.</summary>
    public string Label => Kind switch
    {
        PathSegmentKind.Branch => $"branch {Index}",
        PathSegmentKind.Iteration => $"iteration {Index}",
        _ => Name!,
    };
}

/// <summary>What went wrong, and where: the innermost failed state and the way to it from the top level.</summary>
/// <param name="ExecutionStatus">FAILED, TIMED_OUT or ABORTED.</param>
/// <param name="State">The innermost failed (or, for a timeout or an abort, interrupted) state.</param>
public sealed record FailurePoint(
    string ExecutionStatus,
    string State,
    ImmutableArray<PathSegment> Path,
    string? Error,
    string? Cause)
{
    /// <summary>The path as one string: <c>Parallel 2/branch 1/Parallel Step 2, Process 2</c>.</summary>
    public string PathText => string.Join("/", Path.Select(p => p.Label));
}

/// <summary>A top-level state that finished before the resume point and will not run again.</summary>
public sealed record SkippedState(string Name, string Status);

/// <summary>
/// The whole answer of planning: where the copy starts, with what input, and what it will not run again.
/// A record, so it can be printed, diffed and checked against golden files.
/// </summary>
public sealed record ResumePlan(
    FailurePoint? Failure,
    string ResumeState,
    JsonNode ResumeInput,
    ImmutableArray<SkippedState> Skipped,
    string FlagName,
    string ChoiceStateName,
    string StateMachineName,
    bool Jsonata)
{
    /// <summary>Why the resume point is not simply the failed state, when it is not.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Per state, branch or iteration (path form <c>Outer/branch 1/Charge</c>, <c>Items/iteration 0..41</c>): what the
    /// resumed run does there, and for each fallback why. Top-level skipped states come first.
    /// </summary>
    public ImmutableArray<StateResumeAction> Actions { get; init; } = [];

    /// <summary>The inner resume points (Parallel branches, Map iterations), for the rewriter.</summary>
    internal Nested.ScopeEntry? Entry { get; init; }
}
