using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// One step of a scope path: the Parallel or Map state that owns a nested scope, and for Parallel the
/// branch index (null for a Map processor).
/// </summary>
public sealed record ScopeSegment(string StateName, int? BranchIndex)
{
    public override string ToString() => BranchIndex is { } i ? $"{StateName}[{i}]" : $"{StateName}[processor]";
}

/// <summary>
/// A set of states with its own <c>StartAt</c>: the top level, a Parallel branch or a Map processor.
/// Transitions never leave a scope.
/// </summary>
public sealed record StateScope
{
    /// <summary>Owners from the top level inwards; empty for the top level.</summary>
    public required ImmutableArray<ScopeSegment> Path { get; init; }

    public required string StartAt { get; init; }

    /// <summary>States in declaration order.</summary>
    public required ImmutableArray<StateDefinition> States { get; init; }

    public required FrozenDictionary<string, StateDefinition> StatesByName { get; init; }

    /// <summary>The scope's own <c>QueryLanguage</c> field (branches and processors may carry one).</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    public string? Comment { get; init; }

    /// <summary>The scope object as written (the root, a branch, or ItemProcessor/Iterator).</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>Location of the scope object, e.g. <c>/States/P/Branches[0]</c> (<c>""</c> for the root).</summary>
    public required string Pointer { get; init; }

    public bool IsRoot => Path.IsEmpty;

    /// <summary>The Parallel/Map state that owns this scope, or null at the top level.</summary>
    public string? OwnerStateName => Path.IsEmpty ? null : Path[^1].StateName;

    public override string ToString() => Path.IsEmpty ? "<root>" : string.Join("/", Path);
}

/// <summary>A state together with the scope that declares it.</summary>
public sealed record StateLocation(StateDefinition State, StateScope Scope)
{
    public int Depth => Scope.Path.Length;
}
