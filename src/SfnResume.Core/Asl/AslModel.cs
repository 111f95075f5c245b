namespace SfnResume.Core.Asl;

/// <summary>
/// A definition parsed and modelled, its validation still to run (<see cref="AslParser.Model(string, AslValidationOptions)"/>).
/// <see cref="Validate"/> runs once, on whichever thread first asks, and gives what <see cref="AslParser.Parse(string)"/>
/// gives; meanwhile other threads may read <see cref="Definition"/>, which is fully built.
/// </summary>
public sealed class AslModel
{
    private readonly Lazy<AslParseResult> _validated;

    internal AslModel(StateMachineDefinition? definition, Func<AslParseResult> validate)
    {
        Definition = definition;
        _validated = new Lazy<AslParseResult>(validate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The model when the text could be modelled; not yet validated, so it may hold errors.</summary>
    public StateMachineDefinition? Definition { get; }

    /// <summary>Validates (the first call) and returns the outcome, as <see cref="AslParser.Parse(string)"/> would.</summary>
    public AslParseResult Validate() => _validated.Value;

    internal static AslModel Failed(AslParseResult result) => new(null, () => result);
}
