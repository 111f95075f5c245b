using SfnResume.Core.Asl;

namespace SfnResume.Api;

/// <summary>
/// An error of the Step Functions API: AWS's error type (<c>ExecutionDoesNotExist</c>), message and HTTP status.
/// Written on the wire as <c>{"__type": ..., "message": ...}</c>. The factories use the wording AWS returns
/// (api-protocol.md section 2 and the conformance-api corpus); wording no recording showed is marked unconfirmed.
/// </summary>
public sealed class SfnServiceException : Exception
{
    /// <summary>The <c>__type</c> prefix of Step Functions' own errors.</summary>
    public const string ServiceNamespace = "com.amazonaws.swf.service.v2.model";

    public SfnServiceException(string errorType, string message, int statusCode = 400)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
        StatusCode = statusCode;
    }

    public SfnServiceException()
        : this("InternalFailure", "An internal error occurred", 500)
    {
    }

    public SfnServiceException(string message)
        : this("InternalFailure", message, 500)
    {
    }

    public SfnServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "InternalFailure";
        StatusCode = 500;
    }

    /// <summary>The bare error name (<c>InvalidArn</c>), as SDKs report it.</summary>
    public string ErrorType { get; }

    public int StatusCode { get; }

    /// <summary>ValidationException's <c>reason</c>, when AWS gives one.</summary>
    public string? Reason { get; init; }

    /// <summary>ResourceNotFound's and TooManyTags' <c>resourceName</c>.</summary>
    public string? ResourceName { get; init; }

    /// <summary>The <c>__type</c> value to send: Step Functions' errors qualified with <see cref="ServiceNamespace"/>.</summary>
    public string WireType => ErrorType switch
    {
        "ValidationException" => "com.amazon.coral.validate#ValidationException",
        "UnknownOperationException" or "SerializationException" or "InternalFailure" or "AccessDeniedException"
            or "ThrottlingException" or "UnrecognizedClientException" => "com.amazon.coral.service#" + ErrorType,
        _ => ServiceNamespace + "#" + ErrorType,
    };

    public static SfnServiceException InvalidArn(string reason) => new("InvalidArn", $"Invalid Arn: '{reason}'");

    /// <summary><c>Invalid Arn: 'Invalid ARN prefix: value'</c> for a value that is not a Step Functions ARN.</summary>
    public static SfnServiceException InvalidArnPrefix(string value) => InvalidArn("Invalid ARN prefix: " + value);

    /// <summary><c>Invalid Arn: 'Resource type not valid in this context: express'</c>.</summary>
    public static SfnServiceException InvalidArnResourceType(string resourceType) =>
        InvalidArn("Resource type not valid in this context: " + resourceType);

    public static SfnServiceException InvalidName(string name) => new("InvalidName", $"Invalid Name: '{name}'");

    /// <summary>InvalidDefinition from the definition's error diagnostics.</summary>
    public static SfnServiceException InvalidDefinition(IEnumerable<AslDiagnostic> diagnostics) =>
        new("InvalidDefinition", AslDiagnosticFormatter.FormatInvalidDefinition(diagnostics));

    public static SfnServiceException StateMachineDoesNotExist(string stateMachineArn) =>
        new("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{stateMachineArn}'");

    public static SfnServiceException StateMachineAlreadyExists(string stateMachineArn) =>
        new("StateMachineAlreadyExists", $"State Machine Already Exists: '{stateMachineArn}'");

    /// <summary>Wording unconfirmed: modelled on the other state machine messages.</summary>
    public static SfnServiceException StateMachineDeleting(string stateMachineArn) =>
        new("StateMachineDeleting", $"State machine is being deleted: '{stateMachineArn}'");

    public static SfnServiceException StateMachineTypeNotSupported() =>
        new("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");

    public static SfnServiceException ExecutionDoesNotExist(string executionArn) =>
        new("ExecutionDoesNotExist", $"Execution Does Not Exist: '{executionArn}'");

    public static SfnServiceException ExecutionAlreadyExists(string executionArn) =>
        new("ExecutionAlreadyExists", $"Execution Already Exists: '{executionArn}'");

    /// <summary>
    /// Wording unconfirmed; <paramref name="reason"/> is one of DescribeExecution's <c>redriveStatusReason</c>
    /// strings (<c>Execution is SUCCEEDED and cannot be redriven</c>), which is what the error reports.
    /// </summary>
    public static SfnServiceException ExecutionNotRedrivable(string executionArn, string reason) =>
        new("ExecutionNotRedrivable", $"Execution {executionArn} cannot be redriven: {reason}");

    /// <summary>Wording unconfirmed.</summary>
    public static SfnServiceException ExecutionLimitExceeded(string stateMachineArn) =>
        new("ExecutionLimitExceeded", $"Execution Limit Exceeded: '{stateMachineArn}'");

    /// <summary><c>Invalid State Machine Execution Input: '...'</c> with the JSON parser's message.</summary>
    public static SfnServiceException InvalidExecutionInput(string detail) =>
        new("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{detail}'");

    /// <summary><c>Invalid Token: 'Invalid token'</c> (recorded for ListStateMachineAliases).</summary>
    public static SfnServiceException InvalidToken(string detail = "Invalid token") =>
        new("InvalidToken", $"Invalid Token: '{detail}'");

    public static SfnServiceException InvalidLoggingConfiguration(string detail) =>
        new("InvalidLoggingConfiguration", "Invalid Logging Configuration: " + detail);

    /// <summary>Wording unconfirmed.</summary>
    public static SfnServiceException InvalidTracingConfiguration(string detail) =>
        new("InvalidTracingConfiguration", "Invalid Tracing Configuration: " + detail);

    /// <summary>UpdateStateMachine with nothing to update.</summary>
    public static SfnServiceException MissingRequiredParameter() =>
        new("MissingRequiredParameter",
            "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");

    /// <summary><c>N validation error(s) detected: v1; v2</c>, each violation in coral's "Value ... at '...'" form.</summary>
    public static SfnServiceException Validation(IReadOnlyList<string> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var noun = violations.Count == 1 ? "error" : "errors";
        return ValidationMessage($"{violations.Count} validation {noun} detected: {string.Join("; ", violations)}");
    }

    /// <summary>A ValidationException with a free-form message (<c>Version description can only be set when publish is true</c>).</summary>
    public static SfnServiceException ValidationMessage(string message, string? reason = null) =>
        new("ValidationException", message) { Reason = reason };

    /// <summary><c>Resource not found: 'arn'</c> (recorded for TagResource), HTTP 404.</summary>
    public static SfnServiceException ResourceNotFound(string resourceArn) =>
        new("ResourceNotFound", $"Resource not found: '{resourceArn}'", 404) { ResourceName = resourceArn };

    /// <summary>Wording unconfirmed; AWS allows 50 tags per resource.</summary>
    public static SfnServiceException TooManyTags(string resourceArn) =>
        new("TooManyTags", $"Too many tags on resource: '{resourceArn}'. The limit is 50.") { ResourceName = resourceArn };

    /// <summary>The AWS JSON protocol's answer to an unknown <c>X-Amz-Target</c>.</summary>
    public static SfnServiceException UnknownOperation(string target) =>
        new("UnknownOperationException", $"Unknown operation: {target}");

    /// <summary>A body that is not JSON or has a member of the wrong JSON type.</summary>
    public static SfnServiceException Serialization(string detail) => new("SerializationException", detail);

    public static SfnServiceException InternalFailure(string message) => new("InternalFailure", message, 500);
}
