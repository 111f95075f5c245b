using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// A parsed state machine. Immutable: the <c>With*</c> methods return a modified copy, built from a copy
/// of <see cref="Raw"/> so unknown fields, property order and number text survive (see <see cref="AslWriter"/>).
/// </summary>
public sealed record StateMachineDefinition
{
    public required StateScope Root { get; init; }

    public string StartAt => Root.StartAt;

    /// <summary>Top-level states in declaration order.</summary>
    public ImmutableArray<StateDefinition> States => Root.States;

    /// <summary>Top-level states by name.</summary>
    public FrozenDictionary<string, StateDefinition> StatesByName => Root.StatesByName;

    public string? Comment { get; init; }

    public string? Version { get; init; }

    /// <summary>Execution timeout in seconds, or null when absent.</summary>
    public decimal? TimeoutSeconds { get; init; }

    /// <summary>The machine's own <c>QueryLanguage</c>, or null.</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    public QueryLanguage EffectiveQueryLanguage => QueryLanguage ?? Asl.QueryLanguage.JsonPath;

    /// <summary>The definition object as parsed; treat as read-only.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>Every state at any depth, depth-first in declaration order (a Parallel/Map before its inner states).</summary>
    public required ImmutableArray<StateLocation> AllStates { get; init; }

    /// <summary>Every scope, the root first.</summary>
    public required ImmutableArray<StateScope> AllScopes { get; init; }

    /// <summary>Every state by name; names are unique across the machine in a valid definition (first wins otherwise).</summary>
    public required FrozenDictionary<string, StateLocation> LocationsByName { get; init; }

    /// <summary>Finds a state by name at any depth.</summary>
    public StateDefinition? FindState(string name) => LocationsByName.GetValueOrDefault(name)?.State;

    public bool TryGetLocation(string name, out StateLocation location)
    {
        if (LocationsByName.TryGetValue(name, out var found))
        {
            location = found;
            return true;
        }

        location = null!;
        return false;
    }

    /// <summary>The scope declaring the named state, or null when there is no such state.</summary>
    public StateScope? GetScopeOf(string stateName) => LocationsByName.GetValueOrDefault(stateName)?.Scope;

    /// <summary>The scope enclosing <paramref name="scope"/>'s owner state; null for the root.</summary>
    public StateScope? GetParentScope(StateScope scope) =>
        scope.OwnerStateName is { } owner ? GetScopeOf(owner) : null;

    /// <summary>The Parallel or Map state owning <paramref name="scope"/>; null for the root.</summary>
    public StateDefinition? GetOwner(StateScope scope) =>
        scope.OwnerStateName is { } owner ? FindState(owner) : null;

    /// <summary>The chain of scopes from the root to the one declaring the named state.</summary>
    public ImmutableArray<StateScope> GetScopeChain(string stateName)
    {
        var chain = ImmutableArray.CreateBuilder<StateScope>();
        for (var scope = GetScopeOf(stateName); scope is not null; scope = GetParentScope(scope))
        {
            chain.Add(scope);
        }

        chain.Reverse();
        return chain.ToImmutable();
    }

    /// <summary>A copy whose raw JSON is edited by <paramref name="edit"/> (given a private deep copy) and parsed again.</summary>
    /// <exception cref="InvalidOperationException">The edited JSON can no longer be modelled as a state machine.</exception>
    public StateMachineDefinition With(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var copy = (JsonObject)Raw.DeepClone();
        edit(copy);

        // Parse the edited text rather than the edited nodes, so values the edit created in code read
        // exactly like values read from a file.
        var result = AslParser.Parse(AslWriter.Write(copy, indented: false));
        return result.Definition ?? throw new InvalidOperationException(
            "The edited definition is not a state machine: " + string.Join("; ", result.Diagnostics));
    }

    /// <summary>A copy with the top-level <c>StartAt</c> set.</summary>
    public StateMachineDefinition WithStartAt(string startAt) => WithScope(Root, startAt, null);

    /// <summary>A copy with a new state placed first in the top-level <c>States</c>.</summary>
    public StateMachineDefinition WithStateInsertedFirst(string name, JsonObject state) =>
        WithStateInsertedFirst(Root, name, state);

    /// <summary>A copy with a new state placed first in <paramref name="scope"/>'s <c>States</c>.</summary>
    public StateMachineDefinition WithStateInsertedFirst(StateScope scope, string name, JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(state);
        return With(root =>
        {
            var states = ScopeObject(root, scope)["States"] as JsonObject
                ?? throw new InvalidOperationException($"Scope {scope} has no States object");
            if (states.ContainsKey(name))
            {
                throw new InvalidOperationException($"State '{name}' already exists in scope {scope}");
            }

            states.Insert(0, name, Detached(state));
        });
    }

    /// <summary>A copy with state <paramref name="name"/>'s object (at any depth) replaced.</summary>
    public StateMachineDefinition WithStateReplaced(string name, JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!TryGetLocation(name, out var location))
        {
            throw new InvalidOperationException($"No state named '{name}'");
        }

        return With(root => ((JsonObject)ScopeObject(root, location.Scope)["States"]!)[name] = Detached(state));
    }

    /// <summary>
    /// A copy where <paramref name="scope"/> (the root, a branch or a Map processor) gets a new
    /// <c>StartAt</c> and, when <paramref name="states"/> is not null, a new <c>States</c> object.
    /// </summary>
    public StateMachineDefinition WithScope(StateScope scope, string startAt, JsonObject? states)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(startAt);
        return With(root =>
        {
            var target = ScopeObject(root, scope);
            target["StartAt"] = startAt;
            if (states is not null)
            {
                target["States"] = Detached(states);
            }
        });
    }

    private static JsonObject ScopeObject(JsonObject root, StateScope scope) =>
        AslLocation.ResolveScope(root, scope.Path) ?? throw new InvalidOperationException($"No scope {scope} in the definition");

    /// <summary>Copies the caller's node, so later changes to it cannot reach the immutable copy.</summary>
    private static JsonObject Detached(JsonObject node) => (JsonObject)node.DeepClone();
}
