namespace SfnResume.Api.Contracts;

// Enumerations travel as strings (as the AWS SDKs' constant classes do) so that a bad value reaches the request
// validator and gets AWS's ValidationException instead of a deserialisation error. Each AllValues array is in the
// order AWS prints it in "Member must satisfy enum value set: [...]".

/// <summary><c>ExecutionStatus</c> values (plural name: Core.History has its own <c>ExecutionStatus</c> enum).</summary>
public static class ExecutionStatuses
{
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";
    public const string PendingRedrive = "PENDING_REDRIVE";

    /// <summary>Order recorded from AWS (conformance-api, ListExecutions statusFilter).</summary>
    public static readonly IReadOnlyList<string> AllValues = [Succeeded, TimedOut, PendingRedrive, Aborted, Failed, Running];

    public static bool IsTerminal(string status) => status is Succeeded or Failed or TimedOut or Aborted;
}

/// <summary><c>SyncExecutionStatus</c> (StartSyncExecution).</summary>
public static class SyncExecutionStatus
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
}

/// <summary><c>StateMachineType</c>.</summary>
public static class StateMachineType
{
    public const string Standard = "STANDARD";
    public const string Express = "EXPRESS";

    public static readonly IReadOnlyList<string> AllValues = [Standard, Express];
}

/// <summary><c>StateMachineStatus</c>.</summary>
public static class StateMachineStatus
{
    public const string Active = "ACTIVE";
    public const string Deleting = "DELETING";
}

/// <summary><c>ExecutionRedriveStatus</c>.</summary>
public static class RedriveStatus
{
    public const string Redrivable = "REDRIVABLE";
    public const string NotRedrivable = "NOT_REDRIVABLE";
    public const string RedrivableByMapRun = "REDRIVABLE_BY_MAP_RUN";
}

/// <summary><c>ExecutionRedriveFilter</c> (ListExecutions).</summary>
public static class RedriveFilter
{
    public const string Redriven = "REDRIVEN";
    public const string NotRedriven = "NOT_REDRIVEN";

    public static readonly IReadOnlyList<string> AllValues = [Redriven, NotRedriven];
}

/// <summary><c>IncludedData</c> (DescribeStateMachine, DescribeExecution, StartSyncExecution).</summary>
public static class IncludedData
{
    public const string AllData = "ALL_DATA";
    public const string MetadataOnly = "METADATA_ONLY";

    public static readonly IReadOnlyList<string> AllValues = [AllData, MetadataOnly];
}

/// <summary><c>LogLevel</c> of a logging configuration.</summary>
public static class LogLevel
{
    public const string All = "ALL";
    public const string Error = "ERROR";
    public const string Fatal = "FATAL";
    public const string Off = "OFF";

    public static readonly IReadOnlyList<string> AllValues = [All, Error, Fatal, Off];
}

/// <summary><c>EncryptionType</c>.</summary>
public static class EncryptionType
{
    public const string AwsOwnedKey = "AWS_OWNED_KEY";
    public const string CustomerManagedKmsKey = "CUSTOMER_MANAGED_KMS_KEY";

    public static readonly IReadOnlyList<string> AllValues = [AwsOwnedKey, CustomerManagedKmsKey];
}

/// <summary>Severity values of ValidateStateMachineDefinition (request filter and diagnostics).</summary>
public static class ValidationSeverity
{
    public const string Error = "ERROR";
    public const string Warning = "WARNING";

    public static readonly IReadOnlyList<string> AllValues = [Error, Warning];
}

/// <summary><c>ValidateStateMachineDefinitionResultCode</c>.</summary>
public static class ValidationResultCode
{
    public const string Ok = "OK";
    public const string Fail = "FAIL";
}
