namespace SfnResume.Api.Contracts;

/// <summary>StartExecution request.</summary>
public sealed record StartExecutionRequest
{
    /// <summary>A state machine, version or alias ARN.</summary>
    public string? StateMachineArn { get; init; }

    /// <summary>Execution name; AWS generates a UUID when absent.</summary>
    public string? Name { get; init; }

    /// <summary>JSON text; <c>"{}"</c> when absent.</summary>
    public string? Input { get; init; }

    public string? TraceHeader { get; init; }
}

/// <summary>StartExecution response.</summary>
public sealed record StartExecutionResponse
{
    public required string ExecutionArn { get; init; }

    public required DateTimeOffset StartDate { get; init; }
}

/// <summary>StartSyncExecution request (Express machines only).</summary>
public sealed record StartSyncExecutionRequest
{
    public string? StateMachineArn { get; init; }

    public string? Name { get; init; }

    public string? Input { get; init; }

    public string? TraceHeader { get; init; }

    public string? IncludedData { get; init; }
}

/// <summary>StartSyncExecution response (HTTP 200 even when the execution failed).</summary>
public sealed record StartSyncExecutionResponse
{
    public required string ExecutionArn { get; init; }

    public string? StateMachineArn { get; init; }

    public string? Name { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public required DateTimeOffset StopDate { get; init; }

    /// <summary><see cref="SyncExecutionStatus"/>.</summary>
    public required string Status { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? Input { get; init; }

    public CloudWatchEventsExecutionDataDetails? InputDetails { get; init; }

    public string? Output { get; init; }

    public CloudWatchEventsExecutionDataDetails? OutputDetails { get; init; }

    public string? TraceHeader { get; init; }

    public BillingDetails? BillingDetails { get; init; }
}

/// <summary>DescribeExecution request.</summary>
public sealed record DescribeExecutionRequest
{
    public string? ExecutionArn { get; init; }

    public string? IncludedData { get; init; }
}

/// <summary>DescribeExecution response.</summary>
public sealed record DescribeExecutionResponse
{
    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public string? Name { get; init; }

    /// <summary><see cref="ExecutionStatuses"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public string? Input { get; init; }

    public CloudWatchEventsExecutionDataDetails? InputDetails { get; init; }

    /// <summary>Only for a SUCCEEDED execution.</summary>
    public string? Output { get; init; }

    public CloudWatchEventsExecutionDataDetails? OutputDetails { get; init; }

    public string? TraceHeader { get; init; }

    public string? MapRunArn { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? StateMachineVersionArn { get; init; }

    public string? StateMachineAliasArn { get; init; }

    /// <summary>0 until a redrive succeeds.</summary>
    public int? RedriveCount { get; init; }

    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary><see cref="RedriveStatus"/>.</summary>
    public string? RedriveStatus { get; init; }

    public string? RedriveStatusReason { get; init; }
}

/// <summary>StopExecution request.</summary>
public sealed record StopExecutionRequest
{
    public string? ExecutionArn { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }
}

/// <summary>StopExecution response.</summary>
public sealed record StopExecutionResponse
{
    public required DateTimeOffset StopDate { get; init; }
}

/// <summary>ListExecutions request: <c>stateMachineArn</c> or <c>mapRunArn</c>.</summary>
public sealed record ListExecutionsRequest
{
    public string? StateMachineArn { get; init; }

    /// <summary><see cref="ExecutionStatuses"/>.</summary>
    public string? StatusFilter { get; init; }

    public int? MaxResults { get; init; }

    /// <summary>Up to 3,096 characters for this operation.</summary>
    public string? NextToken { get; init; }

    public string? MapRunArn { get; init; }

    /// <summary><see cref="RedriveFilter"/>.</summary>
    public string? RedriveFilter { get; init; }
}

/// <summary>ListExecutions response: newest first.</summary>
public sealed record ListExecutionsResponse
{
    public required IReadOnlyList<ExecutionListItem> Executions { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>One entry of ListExecutions.</summary>
public sealed record ExecutionListItem
{
    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public string? MapRunArn { get; init; }

    public int? ItemCount { get; init; }

    public string? StateMachineVersionArn { get; init; }

    public string? StateMachineAliasArn { get; init; }

    public int? RedriveCount { get; init; }

    public DateTimeOffset? RedriveDate { get; init; }
}

/// <summary>RedriveExecution request.</summary>
public sealed record RedriveExecutionRequest
{
    public string? ExecutionArn { get; init; }

    /// <summary>1..64 printable ASCII characters; a repeated token returns the first answer.</summary>
    public string? ClientToken { get; init; }
}

/// <summary>RedriveExecution response.</summary>
public sealed record RedriveExecutionResponse
{
    public required DateTimeOffset RedriveDate { get; init; }
}

/// <summary>GetExecutionHistory request.</summary>
public sealed record GetExecutionHistoryRequest
{
    public string? ExecutionArn { get; init; }

    public int? MaxResults { get; init; }

    public bool? ReverseOrder { get; init; }

    public string? NextToken { get; init; }

    /// <summary>When false, <c>input</c>/<c>output</c> are left out of the events (default true).</summary>
    public bool? IncludeExecutionData { get; init; }
}

/// <summary>GetExecutionHistory response; events are written by the history model's own writer.</summary>
public sealed record GetExecutionHistoryResponse
{
    public required HistoryEventList Events { get; init; }

    public string? NextToken { get; init; }
}
