using SfnResume.Core.Asl;
using static SfnResume.Core.Tests.Asl.ValidationAssert;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslValidatorGraphTests
{
    [Fact]
    public void Validate_EmptyObject_RequiresStatesAndStartAt()
    {
        var result = AslParser.Parse("{}");

        Assert.Null(result.Definition);
        Assert.Equal(["SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Validate_BlankText_NotAJsonObjectWithoutLocation()
    {
        var d = Assert.Single(AslParser.Parse(" ").Diagnostics);

        Assert.Equal("Definition must be a valid JSON object", d.Message);
        Assert.Null(d.Location);
    }

    [Fact]
    public void Validate_ArrayText_NotAJsonObject() =>
        Reports("[1]", "SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object");

    [Fact]
    public void Validate_StartAtUnknown_MissingTransitionTargetAtStartAt() =>
        Reports("""{"StartAt":"Nope","States":{"A":{"Type":"Succeed"}}}""",
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope at /StartAt",
            "MISSING_TRANSITION_TARGET: State \"A\" is not reachable. at /States/A");

    [Fact]
    public void Validate_NextUnknown_ThenNoTerminalState() =>
        Reports("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"NOPE"}}}""",
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: NOPE at /States/A/Next",
            "MISSING_END_STATE: Workflow has no terminal state");

    [Fact]
    public void Validate_DanglingChoiceDefaultAndCatchTargets_EachLocated() =>
        Reports("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"X"}],"Default":"Y"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Z"}],"End":true}}}
            """,
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/C/Choices[0]/Next",
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: Y at /States/C/Default",
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /States/T/Catch[0]/Next",
            "MISSING_TRANSITION_TARGET: State \"T\" is not reachable. at /States/T");

    [Fact]
    public void Validate_TransitionOutOfABranch_IsAMissingTarget() =>
        ReportsAmong("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Done"}}}],"Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """,
            "MISSING_TRANSITION_TARGET: Missing 'Next' target: Done at /States/P/Branches[0]/States/B/Next");

    [Fact]
    public void Validate_UnreachableState_Reported() =>
        Reports("""{"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Pass","End":true}}}""",
            "MISSING_TRANSITION_TARGET: State \"B\" is not reachable. at /States/B");

    [Fact]
    public void Validate_LoopWithoutTerminalState_OnlyMissingEndState() =>
        Reports("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},"C":{"Type":"Wait","Seconds":1,"Next":"A"}}}""",
            "MISSING_END_STATE: Workflow has no terminal state");

    [Fact]
    public void Validate_StatesReachedThroughCatchAndChoice_AreReachable() =>
        Clean("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.a","BooleanEquals":true,"Next":"T"}],"Default":"F"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true},
              "F":{"Type":"Fail"}}}
            """);

    [Fact]
    public void Validate_NextAndEndBoth_SchemaError() =>
        ReportsAmong(Single("""{"Type":"Pass","Next":"S","End":true}"""),
            "SCHEMA_VALIDATION_FAILED: Only one of 'Next' or 'End' can be specified at /States/S");

    [Fact]
    public void Validate_NeitherNextNorEnd_SchemaError() =>
        Reports(Single("""{"Type":"Pass"}"""),
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Next or End] at /States/S");

    [Fact]
    public void Validate_EndFalse_SchemaError() =>
        ReportsAmong(Single("""{"Type":"Pass","End":false}"""),
            "SCHEMA_VALIDATION_FAILED: The field 'End' must be true at /States/S/End");

    [Fact]
    public void Validate_NameOver80Characters_InvalidStateName()
    {
        var name = new string('n', 81);

        ReportsAmong("{\"StartAt\":\"" + name + "\",\"States\":{\"" + name + "\":{\"Type\":\"Succeed\"}}}",
            $"INVALID_STATE_NAME: State name '{name}' is longer than 80 characters at /States/{name}");
    }

    [Fact]
    public void Validate_NameExactly80Characters_Accepted()
    {
        var name = new string('n', 80);

        Clean("{\"StartAt\":\"" + name + "\",\"States\":{\"" + name + "\":{\"Type\":\"Succeed\"}}}");
    }

    [Fact]
    public void Validate_NameRepeatedInABranch_DuplicateStateName() =>
        Reports("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Succeed"}}}],"End":true}}}
            """,
            "DUPLICATE_STATE_NAME: Duplicate State name: P at /States/P/Branches[0]/States/P");

    [Fact]
    public void Validate_UnknownType_ListsTheTypesAndGivesNoDefinition()
    {
        var result = AslParser.Parse(Single("""{"Type":"Sleep","End":true}"""));

        Assert.Null(result.Definition);
        Assert.Equal(
            ["SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/S/Type"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Validate_MissingType_Required() =>
        Reports(Single("""{"End":true}"""), "SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /States/S");

    [Fact]
    public void Validate_NestedScopeProblems_ValidatedRecursively() =>
        Reports("""
            {"StartAt":"M","States":{
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"Inner","States":{
                 "Inner":{"Type":"Parallel","Branches":[{"StartAt":"Deep","States":{"Deep":{"Type":"Wait","Parameters":{},"End":true}}}],"End":true}}},
               "End":true}}}
            """,
            "SCHEMA_VALIDATION_FAILED: Field 'Parameters' is not supported at /States/M/ItemProcessor/States/Inner/Branches[0]/States/Deep",
            "SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath] at /States/M/ItemProcessor/States/Inner/Branches[0]/States/Deep");

    [Fact]
    public void Validate_BranchWithoutStartAt_Required() =>
        ReportsAmong("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"States":{"B":{"Type":"Succeed"}}}],"End":true}}}""",
            "SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /States/P/Branches[0]");

    [Fact]
    public void Validate_EmptyStates_ValueCannotBeEmpty() =>
        ReportsAmong("""{"StartAt":"A","States":{}}""", "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States");

    [Fact]
    public void Validate_UnreachableStateInsideAMapProcessor_LocatedInTheProcessor() =>
        Reports("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"A","States":{
              "A":{"Type":"Succeed"},"Orphan":{"Type":"Pass","End":true}}},"End":true}}}
            """,
            "MISSING_TRANSITION_TARGET: State \"Orphan\" is not reachable. at /States/M/ItemProcessor/States/Orphan");

    [Fact]
    public void Validate_BranchWithoutTerminalState_MissingEndState() =>
        Reports("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{
              "A":{"Type":"Pass","Next":"A"}}}],"End":true}}}
            """,
            "MISSING_END_STATE: Workflow has no terminal state");
}
