namespace SfnResume.Core.Asl;

/// <summary>Severity of a definition diagnostic, named as ValidateStateMachineDefinition names it.</summary>
public enum AslSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in a definition. <paramref name="Location"/> is a path written as AWS writes it,
/// such as <c>/States/Charge/Next</c> or <c>/States/T/Catch[0]/Next</c> (<c>/</c> for the root), or null when
/// AWS gives none (an empty definition, a workflow without a terminal state).
/// </summary>
public sealed record AslDiagnostic(string Code, string Message, string? Location, AslSeverity Severity = AslSeverity.Error)
{
    public bool IsError => Severity == AslSeverity.Error;

    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Code}: {Message} at {Location}";
}

/// <summary>Diagnostic codes as AWS spells them (ValidateStateMachineDefinition, CreateStateMachine).</summary>
public static class AslDiagnosticCodes
{
    public const string InvalidJsonDescription = "INVALID_JSON_DESCRIPTION";
    public const string MissingDescription = "MISSING_DESCRIPTION";
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
    public const string InvalidResource = "INVALID_RESOURCE";
    public const string MissingEndState = "MISSING_END_STATE";
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";
    public const string InvalidStateName = "INVALID_STATE_NAME";
    /// <summary>A transition to a state that does not exist, and also (as AWS reports it) a state nothing transitions to.</summary>
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";
    public const string TooDeeplyNested = "TOO_DEEPLY_NESTED";
    public const string DuplicateLabelName = "DUPLICATE_LABEL_NAME";
    public const string InvalidLabelName = "INVALID_LABEL_NAME";
}

/// <summary>Renders diagnostics as the message of AWS's <c>InvalidDefinition</c> error.</summary>
public static class AslDiagnosticFormatter
{
    public const string InvalidDefinitionPrefix = "Invalid State Machine Definition: ";

    /// <summary>
    /// <c>Invalid State Machine Definition: 'CODE: message at location, CODE: message at location'</c>;
    /// a diagnostic without a location prints <c>at null</c>, as AWS does.
    /// </summary>
    public static string FormatInvalidDefinition(IEnumerable<AslDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parts = diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message} at {d.Location ?? "null"}");
        return InvalidDefinitionPrefix + "'" + string.Join(", ", parts) + "'";
    }
}
