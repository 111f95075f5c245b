using System.Collections.Immutable;

namespace SfnResume.Core.Asl;

/// <summary>
/// The outcome of <see cref="AslParser.Parse(string)"/>. <see cref="Definition"/> is set whenever the JSON
/// could be modelled as a state machine (it may still have error diagnostics); it is null when the text is
/// not JSON, not an object, or a state cannot be modelled (missing/unknown Type, States not an object).
/// </summary>
public sealed record AslParseResult(StateMachineDefinition? Definition, ImmutableArray<AslDiagnostic> Diagnostics)
{
    /// <summary>True when there is a definition and no error diagnostic.</summary>
    public bool IsValid => Definition is not null && !Diagnostics.Any(d => d.IsError);

    public IEnumerable<AslDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
