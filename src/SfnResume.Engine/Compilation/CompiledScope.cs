namespace SfnResume.Engine.Compilation;

/// <summary>A compiled set of states with its own start: the top level, a Parallel branch or a Map processor.</summary>
internal sealed class CompiledScope(StateNode start, IReadOnlyList<StateNode> states)
{
    public StateNode Start { get; } = start;

    public IReadOnlyList<StateNode> States { get; } = states;
}
