using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslDiagnosticFormatterTests
{
    [Fact]
    public void FormatInvalidDefinition_SeveralProblems_JoinedAsAwsDoes()
    {
        var result = AslParser.Parse("""{"StartAt":"Not sure","States":{"Pass One":{"Type":"Pass","Next":"Success"},"Success":{"Type":"Succeed"}}}""");

        Assert.Equal(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Not sure at /StartAt, MISSING_TRANSITION_TARGET: State \"Pass One\" is not reachable. at /States/Pass One, MISSING_TRANSITION_TARGET: State \"Success\" is not reachable. at /States/Success'",
            AslDiagnosticFormatter.FormatInvalidDefinition(result.Diagnostics));
    }

    [Fact]
    public void FormatInvalidDefinition_NoLocation_PrintsNull()
    {
        var result = AslParser.Parse("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""");

        Assert.Equal("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'",
            AslDiagnosticFormatter.FormatInvalidDefinition(result.Diagnostics));
    }

    [Fact]
    public void FormatInvalidDefinition_WarningsLeftOut()
    {
        AslDiagnostic[] diagnostics =
        [
            new("NO_DOLLAR", "w", "/States/A", AslSeverity.Warning),
            new("SCHEMA_VALIDATION_FAILED", "These fields are required: [States]", "/"),
        ];

        Assert.Equal("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
            AslDiagnosticFormatter.FormatInvalidDefinition(diagnostics));
    }
}
