using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Resume.Nested;

// The records below are classes, not structs or KeyValuePairs: immutable arrays and LINQ over reference types
// share code the runtime has ready, while each struct instantiation is compiled when a plan first runs.

/// <summary>One enclosing Map iteration of a scope instance: the Map state and the item index.</summary>
internal sealed record IterationKey(string MapState, int Index);

/// <summary>A variable's name and value as a scope held it.</summary>
internal sealed record VariableValue(string Name, JsonNode? Value);

/// <summary>A Map iteration that runs again, and where it resumes (null: from its StartAt).</summary>
internal sealed record IterationRerun(int Index, ScopeEntry? Entry);

/// <summary>
/// Where the resume enters a scope (the top level, a branch or an iteration): the state it jumps to, the input it
/// gives that state, the scope's variables as they were, and, when the target is a Parallel or Map whose inside
/// is resumed too, what happens inside it. <see cref="Inner"/> null means the target runs whole.
/// </summary>
internal sealed record ScopeEntry(
    string Target,
    string TargetPath,
    JsonNode? Input,
    ImmutableArray<VariableValue> Variables,
    ContainerResume? Inner);

/// <summary>A Parallel or Map visit the resume enters, with the enclosing iterations that identify the instance.</summary>
internal abstract record ContainerResume(string StateName, ImmutableArray<IterationKey> Key);

internal enum BranchMode
{
    /// <summary>The branch succeeded: its recorded output takes its place.</summary>
    Reuse,

    /// <summary>The branch failed or was aborted inside: it resumes at <see cref="BranchResume.Entry"/>.</summary>
    Enter,

    /// <summary>The branch never started (or left nothing to resume from): it runs from its StartAt.</summary>
    Run,
}

internal sealed record BranchResume(int Index, BranchMode Mode, JsonNode? Output, ScopeEntry? Entry);

internal sealed record ParallelResume(string StateName, ImmutableArray<IterationKey> Key, ImmutableArray<BranchResume> Branches)
    : ContainerResume(StateName, Key);

/// <summary>
/// A Map instance: <see cref="Outputs"/> holds one entry per item, <c>{"o": output}</c> for an iteration that
/// succeeded and <c>{}</c> for one that runs again; <see cref="Rerun"/> lists the iterations that run again, with where each resumes
/// (a null entry runs the iteration from its StartAt).
/// </summary>
internal sealed record MapResume(
    string StateName,
    ImmutableArray<IterationKey> Key,
    int Length,
    JsonArray Outputs,
    ImmutableArray<IterationRerun> Rerun)
    : ContainerResume(StateName, Key)
{
    /// <summary>Set by the rewriter: the number that names this instance's outputs variable.</summary>
    public int InstanceId { get; init; }
}
