using SfnResume.Core.Asl;

namespace SfnResume.Engine.Compilation;

/// <summary>A state machine compiled once into a tree of state nodes; run it any number of times.</summary>
public sealed class CompiledStateMachine
{
    internal CompiledStateMachine(StateMachineDefinition definition, CompiledScope root, EngineOptions options)
    {
        Definition = definition;
        Root = root;
        Options = options;
    }

    public StateMachineDefinition Definition { get; }

    /// <summary>The machine's <c>TimeoutSeconds</c>, or null.</summary>
    public decimal? TimeoutSeconds => Definition.TimeoutSeconds;

    internal CompiledScope Root { get; }

    /// <summary>The options the machine was compiled with (retry pause overrides are baked in).</summary>
    internal EngineOptions Options { get; }
}
