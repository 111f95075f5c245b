using SfnResume.Api.Contracts;
using SfnResume.Core.History;

namespace SfnResume.Storage.Sqlite;

/// <summary>One page of a listing and the token for the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

/// <summary>A state machine with its current definition.</summary>
public sealed record StateMachineRecord
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    /// <summary><see cref="StateMachineType"/>.</summary>
    public required string Type { get; init; }

    /// <summary><see cref="StateMachineStatus"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset UpdateDate { get; init; }

    public string? Description { get; init; }

    /// <summary>The current definition version (the newest).</summary>
    public required DefinitionVersionRecord Current { get; init; }
}

/// <summary>A definition a state machine had; never changed once written.</summary>
public sealed record DefinitionVersionRecord
{
    public required long Id { get; init; }

    public required string StateMachineArn { get; init; }

    public required string RevisionId { get; init; }

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The published version number, if this definition was published.</summary>
    public int? VersionNumber { get; init; }

    public string? VersionDescription { get; init; }
}

/// <summary>What CreateStateMachine stores.</summary>
public sealed record NewStateMachine
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public string Type { get; init; } = StateMachineType.Standard;

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    /// <summary>Chosen by the caller (AWS returns a UUID), so that stored state is reproducible in tests.</summary>
    public required string RevisionId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>What UpdateStateMachine changes; null members keep the current value.</summary>
public sealed record StateMachineUpdate
{
    public string? Definition { get; init; }

    public string? RoleArn { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    /// <summary>Revision id of the new definition version, when one is made.</summary>
    public required string RevisionId { get; init; }

    public required DateTimeOffset UpdateDate { get; init; }
}

/// <summary>An execution's row: its status and data, not its history.</summary>
public sealed record ExecutionRecord
{
    public required string Arn { get; init; }

    public required string StateMachineArn { get; init; }

    public required long DefinitionVersionId { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    /// <summary><see cref="ExecutionStatuses"/>.</summary>
    public required string Status { get; init; }

    public required string Input { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public int RedriveCount { get; init; }

    public DateTimeOffset? RedriveDate { get; init; }

    public string? TraceHeader { get; init; }

    public string? StateMachineVersionArn { get; init; }

    public string? StateMachineAliasArn { get; init; }

    public string? ParentExecutionArn { get; init; }

    public string? MapRunArn { get; init; }
}

/// <summary>What StartExecution stores.</summary>
public sealed record NewExecution
{
    public required string Arn { get; init; }

    /// <summary>The unqualified state machine ARN.</summary>
    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public required string Input { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    /// <summary>The definition to run; the machine's current one when null.</summary>
    public long? DefinitionVersionId { get; init; }

    public string? TraceHeader { get; init; }

    public string? StateMachineVersionArn { get; init; }

    public string? StateMachineAliasArn { get; init; }

    public string? ParentExecutionArn { get; init; }

    public string? MapRunArn { get; init; }

    /// <summary>Events written with the row in the same transaction (ExecutionStarted ...); ids from 1.</summary>
    public IReadOnlyList<HistoryEvent>? InitialEvents { get; init; }
}

/// <summary>The outcome of creating an execution: the stored row, and whether it was created now or already existed
/// (StartExecution's idempotent repeat: same name, same input, still running).</summary>
public sealed record CreateExecutionResult(ExecutionRecord Execution, bool Created);

/// <summary>A status change, written together with the events that cause it.</summary>
public sealed record ExecutionUpdate
{
    public required string Status { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }
}

/// <summary>Filters and paging for <see cref="SqliteStore.ListExecutions"/>.</summary>
public sealed record ExecutionQuery
{
    /// <summary>Unqualified state machine ARN, or null with <see cref="MapRunArn"/>.</summary>
    public string? StateMachineArn { get; init; }

    public string? MapRunArn { get; init; }

    public string? StatusFilter { get; init; }

    /// <summary><see cref="RedriveFilter"/>.</summary>
    public string? RedriveFilter { get; init; }

    /// <summary>0 means the default page size (100).</summary>
    public int MaxResults { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>A Lambda function deployed locally: code inline or in a file.</summary>
public sealed record FunctionRecord
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Runtime { get; init; }

    public required string Handler { get; init; }

    /// <summary>Source text (exactly one of this and <see cref="CodePath"/>).</summary>
    public string? CodeText { get; init; }

    public string? CodePath { get; init; }

    /// <summary>Environment variables as a JSON object.</summary>
    public string? EnvironmentJson { get; init; }

    public int TimeoutSeconds { get; init; } = 3;

    /// <summary>The stack that deployed it; the function is removed with the stack.</summary>
    public string? StackName { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; init; }
}

/// <summary>A deployed stack.</summary>
public sealed record StackRecord
{
    public required string Name { get; init; }

    public required string StackId { get; init; }

    public required string TemplateHash { get; init; }

    /// <summary>Logical id to physical resource, as JSON.</summary>
    public required string ResourcesJson { get; init; }

    public string? ParametersJson { get; init; }

    public string? OutputsJson { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; init; }
}
