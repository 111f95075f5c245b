using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary><c>ItemProcessor.ProcessorConfig.Mode</c>.</summary>
public enum MapMode
{
    Inline,
    Distributed,
}

/// <summary><c>ItemProcessor.ProcessorConfig.ExecutionType</c> (distributed mode).</summary>
public enum MapExecutionType
{
    Standard,
    Express,
}

/// <summary>Map: runs <see cref="Processor"/> once per item.</summary>
public sealed record MapState : StateDefinition
{
    public override StateType Type => StateType.Map;

    public required Transition Next { get; init; }

    public override Transition? Transition => Next;

    /// <summary>The nested machine from <c>ItemProcessor</c> or the older <c>Iterator</c>.</summary>
    public required StateScope Processor { get; init; }

    /// <summary>True when the processor came from the legacy <c>Iterator</c> field.</summary>
    public bool UsesIterator { get; init; }

    public MapMode Mode { get; init; } = MapMode.Inline;

    public MapExecutionType? ExecutionType { get; init; }

    public override ImmutableArray<StateScope> ChildScopes => [Processor];

    /// <summary>JSONPath: the items array inside the effective input (absent = <c>$</c>).</summary>
    public OptionalPath ItemsPath { get; init; }

    /// <summary>JSONata: the items (array, object or expression).</summary>
    public JsonNode? Items { get; init; }

    public JsonNode? ItemSelector { get; init; }

    /// <summary>Legacy equivalent of <see cref="ItemSelector"/>.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>The template that builds each item's input: <see cref="ItemSelector"/>, else the legacy <see cref="Parameters"/>.</summary>
    public JsonNode? EffectiveItemSelector => ItemSelector ?? Parameters;

    public JsonNode? Arguments { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public OptionalPath ResultPath { get; init; }

    /// <summary>MaxConcurrency / MaxConcurrencyPath / JSONata; 0 or absent means no limit.</summary>
    public DynamicValue? MaxConcurrency { get; init; }

    public DynamicValue? ToleratedFailureCount { get; init; }

    public DynamicValue? ToleratedFailurePercentage { get; init; }

    public JsonObject? ItemReader { get; init; }

    public JsonObject? ResultWriter { get; init; }

    public JsonObject? ItemBatcher { get; init; }

    public string? Label { get; init; }

    public override IEnumerable<string> Successors => TransitionAndCatch(Next, Catch);
}
