using SfnResume.Core.Asl;
using static SfnResume.Core.Tests.Asl.ValidationAssert;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslValidatorFieldTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:111111111111:function:f";
    private const string Processor = """{"StartAt":"I","States":{"I":{"Type":"Succeed"}}}""";

    [Theory]
    [InlineData("""{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"S"}],"Default":"S","ResultPath":"$.x"}""", "ResultPath")]
    [InlineData("""{"Type":"Wait","Seconds":1,"Parameters":{},"End":true}""", "Parameters")]
    [InlineData("""{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"TimeoutSeconds":5,"End":true}""", "TimeoutSeconds")]
    [InlineData("""{"Type":"Pass","Retry":[],"End":true}""", "Retry")]
    [InlineData("""{"Type":"Pass","Catch":[],"End":true}""", "Catch")]
    [InlineData("""{"Type":"Succeed","Next":"S"}""", "Next")]
    [InlineData("""{"Type":"Fail","InputPath":"$"}""", "InputPath")]
    [InlineData("""{"Type":"Pass","Foo":1,"End":true}""", "Foo")]
    public void Validate_FieldTheTypeForbids_NotSupportedAtTheState(string state, string field) =>
        ReportsAmong(Single(state), $"SCHEMA_VALIDATION_FAILED: Field '{field}' is not supported at /States/S");

    [Fact]
    public void Validate_UnknownRootField_NotSupportedAtRoot() =>
        ReportsAmong("""{"StartAt":"S","Foo":1,"States":{"S":{"Type":"Succeed"}}}""", "SCHEMA_VALIDATION_FAILED: Field 'Foo' is not supported at /");

    [Theory]
    [InlineData("""{"Type":"Task","End":true}""", "Resource")]
    [InlineData("""{"Type":"Choice"}""", "Choices")]
    [InlineData("""{"Type":"Parallel","End":true}""", "Branches")]
    public void Validate_RequiredFieldMissing_Reported(string state, string field) =>
        ReportsAmong(Single(state), $"SCHEMA_VALIDATION_FAILED: These fields are required: [{field}] at /States/S");

    [Fact]
    public void Validate_MapWithoutProcessor_RequiredAndNoDefinition()
    {
        var result = AslParser.Parse(Single("""{"Type":"Map","End":true}"""));

        Assert.Null(result.Definition);
        Assert.Contains("SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor] at /States/S", result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Validate_EmptyChoices_ValueCannotBeEmpty() =>
        Reports(Single("""{"Type":"Choice","Choices":[],"Default":"S"}"""), "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/S/Choices");

    [Fact]
    public void Validate_EmptyBranches_RecordedAwsText() =>
        Reports(Single("""{"Type":"Parallel","Branches":[],"End":true}"""), "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/S/Branches");

    [Theory]
    [InlineData("\"MaxAttempts\":-1", "MaxAttempts", "Value must be at least 0")]
    [InlineData("\"MaxAttempts\":1.5", "MaxAttempts", "Value must be an integer")]
    [InlineData("\"BackoffRate\":0.5", "BackoffRate", "Value must be at least 1")]
    [InlineData("\"IntervalSeconds\":0", "IntervalSeconds", "Value must be at least 1")]
    [InlineData("\"MaxDelaySeconds\":0", "MaxDelaySeconds", "Value must be at least 1")]
    [InlineData("\"MaxDelaySeconds\":31622401", "MaxDelaySeconds", "Value must be at most 31622400")]
    [InlineData("\"JitterStrategy\":\"SOME\"", "JitterStrategy", "The field 'JitterStrategy' should have one of these values: [FULL, NONE]")]
    public void Validate_RetrierOutOfRange_ReportedAtTheField(string field, string name, string message) =>
        Reports(Single($$$"""{"Type":"Task","Resource":"{{{Lambda}}}","Retry":[{"ErrorEquals":["E"],{{{field}}}}],"End":true}"""),
            $"SCHEMA_VALIDATION_FAILED: {message} at /States/S/Retry[0]/{name}");

    [Fact]
    public void Validate_RetrierInRange_Clean() =>
        Clean(Single($$"""{"Type":"Task","Resource":"{{Lambda}}","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1,"MaxAttempts":0,"BackoffRate":1.0,"MaxDelaySeconds":10,"JitterStrategy":"FULL"}],"End":true}"""));

    [Fact]
    public void Validate_StatesAllNotAloneOrNotLast_AwsMessageAtTheEntry() =>
        Reports("""
            {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f",
              "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["E"]}],
              "Catch":[{"ErrorEquals":["E","States.ALL"],"Next":"S"}],
              "End":true}}}
            """,
            "SCHEMA_VALIDATION_FAILED: States.ALL must appear alone and at end of list at /States/S/Retry[0]/ErrorEquals[0]",
            "SCHEMA_VALIDATION_FAILED: States.ALL must appear alone and at end of list at /States/S/Catch[0]/ErrorEquals[1]");

    [Fact]
    public void Validate_CatcherWithoutNextOrErrors_Required() =>
        Reports(Single($$"""{"Type":"Task","Resource":"{{Lambda}}","Catch":[{"ErrorEquals":[]}],"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/S/Catch[0]/ErrorEquals",
            "SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/S/Catch[0]");

    [Fact]
    public void Validate_CredentialsWithoutRoleArn_RecordedAwsText() =>
        Reports(Single($$"""{"Type":"Task","Resource":"{{Lambda}}","Credentials":{"Other":"x"},"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing at /States/S/Credentials");

    [Fact]
    public void Validate_HeartbeatNotBelowTimeout_Reported() =>
        Reports(Single($$"""{"Type":"Task","Resource":"{{Lambda}}","TimeoutSeconds":10,"HeartbeatSeconds":10,"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: HeartbeatSeconds must be less than TimeoutSeconds at /States/S/HeartbeatSeconds");

    [Fact]
    public void Validate_TimeoutGivenTwice_Reported() =>
        Reports(Single($$"""{"Type":"Task","Resource":"{{Lambda}}","TimeoutSeconds":10,"TimeoutSecondsPath":"$.t","End":true}"""),
            "SCHEMA_VALIDATION_FAILED: Only one of 'TimeoutSeconds' or 'TimeoutSecondsPath' can be specified at /States/S");

    [Fact]
    public void Validate_UnknownOptimisedIntegrationAction_NotRecognised() =>
        Reports(Single("""{"Type":"Task","Resource":"arn:aws:states:::dynamodb:query","End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. at /States/S/Resource");

    [Theory]
    [InlineData("arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Express state machine does not support '.waitForTaskToken' service integration ")]
    [InlineData("arn:aws:states:::states:startExecution.sync:2", "Express state machine does not support '.sync' service integration")]
    [InlineData("arn:aws:states:us-east-1:111111111111:activity:a", "Express state machine does not support Activity ARN")]
    public void Validate_ExpressOnlyRestrictions_ReportedForExpressOnly(string resource, string message)
    {
        var json = Single($$"""{"Type":"Task","Resource":"{{resource}}","End":true}""");

        Assert.Equal([$"SCHEMA_VALIDATION_FAILED: {message} at /States/S/Resource"], Diagnose(json, new AslValidationOptions { Kind = StateMachineKind.Express }));
        Assert.Empty(Diagnose(json));
    }

    [Fact]
    public void Validate_WaitWithTwoTimeFields_ExactlyOneRequired() =>
        Reports(Single("""{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}"""),
            "SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath] at /States/S");

    [Theory]
    [InlineData("2016-13-05T21:29:29Z")]
    [InlineData("2016-12-05T25:29:29Z")]
    [InlineData("2016-12-05 21:29:29Z")]
    [InlineData("2016-12-05T21:29:29")]
    [InlineData("2016-12-05t21:29:29z")]
    public void Validate_WaitTimestampNotRfc3339_RecordedAwsText(string timestamp) =>
        Reports(Single($$"""{"Type":"Wait","Timestamp":"{{timestamp}}","End":true}"""),
            "SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/S/Timestamp");

    [Theory]
    [InlineData("2016-12-05T21:29:29Z")]
    [InlineData("2016-12-05T21:29:29.123+02:00")]
    public void Validate_WaitTimestampRfc3339_Clean(string timestamp) =>
        Clean(Single($$"""{"Type":"Wait","Timestamp":"{{timestamp}}","End":true}"""));

    [Fact]
    public void Validate_NegativeWaitSeconds_Reported() =>
        Reports(Single("""{"Type":"Wait","Seconds":-1,"End":true}"""), "SCHEMA_VALIDATION_FAILED: Value must be at least 0 at /States/S/Seconds");

    [Fact]
    public void Validate_FailWithErrorAndErrorPath_Reported() =>
        Reports(Single("""{"Type":"Fail","Error":"E","ErrorPath":"$.e"}"""),
            "SCHEMA_VALIDATION_FAILED: Only one of 'Error' or 'ErrorPath' can be specified at /States/S");

    [Theory]
    [InlineData("\"MaxConcurrency\":-1", "MaxConcurrency", "Value must be at least 0")]
    [InlineData("\"ToleratedFailurePercentage\":101", "ToleratedFailurePercentage", "Value must be at most 100")]
    [InlineData("\"ToleratedFailureCount\":-2", "ToleratedFailureCount", "Value must be at least 0")]
    public void Validate_MapNumbersOutOfRange_Reported(string field, string name, string message) =>
        Reports(Single("{\"Type\":\"Map\",\"ItemProcessor\":" + Processor + "," + field + ",\"End\":true}"),
            $"SCHEMA_VALIDATION_FAILED: {message} at /States/S/{name}");

    [Fact]
    public void Validate_MapLabelTooLong_InvalidLabelName() =>
        Reports(Single("{\"Type\":\"Map\",\"Label\":\"" + new string('L', 41) + "\",\"ItemProcessor\":" + Processor + ",\"End\":true}"),
            "INVALID_LABEL_NAME: Label must be at most 40 characters at /States/S/Label");

    [Fact]
    public void Validate_ProcessorDeclaresQueryLanguage_NotSupported() =>
        Reports(Single("""{"Type":"Map","ItemProcessor":{"QueryLanguage":"JSONata","StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' is not supported at /States/S/ItemProcessor");

    [Fact]
    public void Validate_ProcessorConfigBadMode_Reported() =>
        Reports(Single("""{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"LOCAL"},"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED] at /States/S/ItemProcessor/ProcessorConfig/Mode");

    [Fact]
    public void Validate_VersionOtherThan10_Reported() =>
        Reports("""{"Version":"2.0","StartAt":"S","States":{"S":{"Type":"Succeed"}}}""",
            "SCHEMA_VALIDATION_FAILED: The field 'Version' should have one of these values: [1.0] at /Version");

    [Fact]
    public void Validate_WrongValueType_Reported() =>
        ReportsAmong(Single("""{"Type":"Pass","Comment":5,"End":true}"""),
            "SCHEMA_VALIDATION_FAILED: The value for the field 'Comment' must be a STRING at /States/S/Comment");
}
