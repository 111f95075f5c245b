using System.Text.RegularExpressions;
using SfnResume.Core.Asl;

namespace SfnResume.Api.Tests;

/// <summary>The factories reproduce the messages AWS returned, for every recorded error they cover.</summary>
public sealed partial class SfnServiceExceptionTests
{
    private static readonly Dictionary<string, Func<string, SfnServiceException>> s_byArgument = new(StringComparer.Ordinal)
    {
        ["ExecutionDoesNotExist"] = SfnServiceException.ExecutionDoesNotExist,
        ["StateMachineDoesNotExist"] = SfnServiceException.StateMachineDoesNotExist,
        ["StateMachineAlreadyExists"] = SfnServiceException.StateMachineAlreadyExists,
        ["ExecutionAlreadyExists"] = SfnServiceException.ExecutionAlreadyExists,
        ["InvalidName"] = SfnServiceException.InvalidName,
        ["InvalidArn"] = SfnServiceException.InvalidArn,
        ["InvalidToken"] = SfnServiceException.InvalidToken,
        ["ResourceNotFound"] = SfnServiceException.ResourceNotFound,
        ["InvalidExecutionInput"] = SfnServiceException.InvalidExecutionInput,
    };

    public static TheoryData<string> RecordedErrorIds() =>
    [
        // Alias operations word ResourceNotFound differently ("Request references a resource that does not exist.").
        .. ApiCorpus.All.Where(c => c.ErrorCode is not null && c.Operation != "TestState" && !c.Operation.Contains("Alias", StringComparison.Ordinal)
            && (s_byArgument.ContainsKey(c.ErrorCode) || c.ErrorCode is "MissingRequiredParameter" or "StateMachineTypeNotSupported"
                or "InvalidLoggingConfiguration"))
            .Select(c => c.Id),
    ];

    [Theory]
    [MemberData(nameof(RecordedErrorIds))]
    public void Factory_RecordedError_SameTypeAndMessage(string id)
    {
        var @case = ApiCorpus.All.Single(c => c.Id == id);
        var code = @case.ErrorCode!;
        var message = @case.ErrorMessage!;
        var ex = code switch
        {
            "MissingRequiredParameter" => SfnServiceException.MissingRequiredParameter(),
            "StateMachineTypeNotSupported" => SfnServiceException.StateMachineTypeNotSupported(),
            "InvalidLoggingConfiguration" => SfnServiceException.InvalidLoggingConfiguration(message["Invalid Logging Configuration: ".Length..]),
            _ => s_byArgument[code](QuotedArgument().Match(message).Groups[1].Value),
        };

        Assert.Equal(code, ex.ErrorType);
        Assert.Equal(message, ex.Message);
        Assert.Equal(code == "ResourceNotFound" ? 404 : 400, ex.StatusCode);
    }

    [Fact]
    public void Validation_SeveralViolations_CountedAndJoined()
    {
        var ex = SfnServiceException.Validation(["Value null at 'a' failed to satisfy constraint: Member must not be null", "b"]);

        Assert.Equal("2 validation errors detected: Value null at 'a' failed to satisfy constraint: Member must not be null; b", ex.Message);
        Assert.Equal("com.amazon.coral.validate#ValidationException", ex.WireType);
    }

    [Fact]
    public void InvalidDefinition_FromDiagnostics_AwsForm()
    {
        var ex = SfnServiceException.InvalidDefinition([new AslDiagnostic("SCHEMA_VALIDATION_FAILED", "These fields are required: [States]", "/")]);

        Assert.Equal("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'", ex.Message);
        Assert.Equal("com.amazonaws.swf.service.v2.model#InvalidDefinition", ex.WireType);
    }

    [Fact]
    public void OtherFactories_TypesAndStatus()
    {
        Assert.Equal(("ExecutionNotRedrivable", 400), Pair(SfnServiceException.ExecutionNotRedrivable("arn", "Execution is RUNNING and cannot be redriven")));
        Assert.Equal(("ExecutionLimitExceeded", 400), Pair(SfnServiceException.ExecutionLimitExceeded("arn")));
        Assert.Equal(("StateMachineDeleting", 400), Pair(SfnServiceException.StateMachineDeleting("arn")));
        Assert.Equal(("TooManyTags", 400), Pair(SfnServiceException.TooManyTags("arn")));
        Assert.Equal(("UnknownOperationException", 400), Pair(SfnServiceException.UnknownOperation("AWSStepFunctions.Nope")));
        Assert.Equal(("SerializationException", 400), Pair(SfnServiceException.Serialization("bad")));
        Assert.Equal(("InternalFailure", 500), Pair(SfnServiceException.InternalFailure("x")));
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", SfnServiceException.UnknownOperation("x").WireType);
        Assert.Equal("arn", SfnServiceException.TooManyTags("arn").ResourceName);
    }

    private static (string, int) Pair(SfnServiceException ex) => (ex.ErrorType, ex.StatusCode);

    /// <summary>The text between the first "'" after the colon and the last "'" of the message.</summary>
    [GeneratedRegex("^[^:]+: '(.*)'$", RegexOptions.Singleline)]
    private static partial Regex QuotedArgument();
}
