using SfnResume.Api.Contracts;
using SfnResume.Api.Validation;

namespace SfnResume.Api.Tests;

public sealed class RequestValidatorTests
{
    private const string Machine = "arn:aws:states:us-east-1:111111111111:stateMachine:m";
    private const string Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";

    [Fact]
    public void Validate_MissingRequiredMembers_AllListedInOneError()
    {
        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new CreateStateMachineRequest { Name = "m" }));

        Assert.Equal("ValidationException", ex.ErrorType);
        Assert.Equal("2 validation errors detected: Value null at 'definition' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'roleArn' failed to satisfy constraint: Member must not be null", ex.Message);
    }

    [Fact]
    public void Validate_NameTooLongAndBadEnum_ModelConstraintsBeforeNameRules()
    {
        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new StartExecutionRequest
        {
            StateMachineArn = Machine,
            Name = new string('a', 81),
        }));

        Assert.Equal($"1 validation error detected: Value '{new string('a', 81)}' at 'name' failed to satisfy constraint: " +
            "Member must have length less than or equal to 80", ex.Message);
    }

    [Fact]
    public void Validate_CreateStateMachine_GoodRequestPasses_BadDefinitionIsInvalidDefinition()
    {
        var good = new CreateStateMachineRequest { Name = "m", Definition = Definition, RoleArn = "arn:aws:iam::1:role/r" };
        RequestValidator.Validate(good);

        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(good with { Definition = """{"StartAt":"A"}""" }));
        Assert.Equal("InvalidDefinition", ex.ErrorType);
        Assert.StartsWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED", ex.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidName", Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(good with { Name = "a b" })).ErrorType);
        Assert.Equal("InvalidArn", Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(good with { RoleArn = "role" })).ErrorType);
        Assert.Equal("Version description can only be set when publish is true", Assert.Throws<SfnServiceException>(() =>
            RequestValidator.Validate(good with { VersionDescription = "v1" })).Message);
        RequestValidator.Validate(good with { VersionDescription = "v1", Publish = true });
    }

    [Fact]
    public void Validate_UpdateWithNothing_MissingRequiredParameter()
    {
        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new UpdateStateMachineRequest { StateMachineArn = Machine }));
        Assert.Equal("MissingRequiredParameter", ex.ErrorType);
    }

    [Fact]
    public void Validate_ListExecutions_NeedsExactlyOneOwner()
    {
        Assert.Equal("ValidationException", Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new ListExecutionsRequest())).ErrorType);
        RequestValidator.Validate(new ListExecutionsRequest { StateMachineArn = Machine, StatusFilter = ExecutionStatuses.Failed, RedriveFilter = RedriveFilter.Redriven });
    }

    [Fact]
    public void Validate_RedriveClientToken_PatternAndLength()
    {
        const string execution = "arn:aws:states:us-east-1:111111111111:execution:m:e";
        RequestValidator.Validate(new RedriveExecutionRequest { ExecutionArn = execution, ClientToken = "abc-123" });

        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new RedriveExecutionRequest { ExecutionArn = execution, ClientToken = "a b" }));
        Assert.Equal("1 validation error detected: Value 'a b' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [!-~]+", ex.Message);
    }

    [Fact]
    public void Validate_TooManyTags_TooManyTags()
    {
        var tags = Enumerable.Range(0, 51).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToList();
        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.Validate(new TagResourceRequest { ResourceArn = Machine, Tags = tags }));
        Assert.Equal("TooManyTags", ex.ErrorType);
    }

    [Theory]
    [InlineData("{}", null)]
    [InlineData(" [1, 2.5e3, -0, \"x\\u00e9\", true, false, null] ", null)]
    [InlineData("", "Invalid execution input.")]
    [InlineData("not some json", "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")]
    [InlineData("{'not': 'json'", "Unexpected character (''' (code 39)): was expecting double-quote to start field name")]
    [InlineData("{\"a\" 1}", "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value")]
    [InlineData("{\"a\":1 \"b\":2}", "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")]
    [InlineData("[1 2]", "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries")]
    [InlineData("{\"a\":1", "Unexpected end-of-input: expected close marker for Object")]
    [InlineData("01", "Invalid numeric value: Leading zeroes not allowed")]
    public void ValidateExecutionInput_JacksonWording(string input, string? expected)
    {
        if (expected is null)
        {
            RequestValidator.ValidateExecutionInput(input);
            return;
        }

        var ex = Assert.Throws<SfnServiceException>(() => RequestValidator.ValidateExecutionInput(input));
        Assert.Equal($"Invalid State Machine Execution Input: '{expected}'", ex.Message);
    }
}
