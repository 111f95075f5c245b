using System.Text.Json.Nodes;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>
/// A state machine that fails, and how it is repaired: a patch for the resumed input, handlers fixed, or a fixed
/// definition. <see cref="CleanInput"/> is what a clean run of the repaired workflow starts with.
/// </summary>
public sealed record Scenario(string Name, string Definition, string Input)
{
    /// <summary>JSON Merge Patch given to the planner (also merged into the clean run's input unless <see cref="CleanInput"/> is set).</summary>
    public string? Patch { get; init; }

    /// <summary>The clean run's input; defaults to <see cref="Input"/> with <see cref="Patch"/> merged in.</summary>
    public string? CleanInput { get; init; }

    /// <summary>The definition the copy and the clean run use when it was fixed after the failure.</summary>
    public string? FixedDefinition { get; init; }

    /// <summary>True when the failure is repaired by fixing the handlers (see <see cref="Lambdas"/>).</summary>
    public bool FixHandlers { get; init; }

    public string? FromState { get; init; }

    /// <summary>Lift AWS's 25,000-event history quota for the engine runs (large Maps).</summary>
    public bool Unbounded { get; init; }

    public JsonNode? PatchNode => Patch is null ? null : JsonNode.Parse(Patch);

    public override string ToString() => Name;
}
