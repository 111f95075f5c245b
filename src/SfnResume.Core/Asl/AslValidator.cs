namespace SfnResume.Core.Asl;

/// <summary>Checks a parsed definition as CreateStateMachine does, collecting every problem.</summary>
public static class AslValidator
{
    /// <summary>Validates <paramref name="definition"/> and returns its diagnostics.</summary>
    public static IReadOnlyList<AslDiagnostic> Validate(StateMachineDefinition definition, AslValidationOptions? options = null)
    {
        var diagnostics = new List<AslDiagnostic>();
        Validate(definition, options ?? AslValidationOptions.Default, diagnostics);
        return diagnostics;
    }

    internal static void Validate(StateMachineDefinition definition, AslValidationOptions options, List<AslDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(definition);
        new ValidationPass(definition, options, diagnostics).Run();
    }
}
