namespace SfnResume.Api.Contracts;

/// <summary><c>loggingConfiguration</c>.</summary>
public sealed record LoggingConfiguration
{
    /// <summary>What DescribeStateMachine reports for a machine created without one (recorded from AWS).</summary>
    public static LoggingConfiguration Default { get; } = new() { Level = LogLevel.Off, IncludeExecutionData = false };

    public string? Level { get; init; }

    public bool? IncludeExecutionData { get; init; }

    public IReadOnlyList<LogDestination>? Destinations { get; init; }
}

/// <summary>One entry of <c>loggingConfiguration.destinations</c>.</summary>
public sealed record LogDestination
{
    public CloudWatchLogsLogGroup? CloudWatchLogsLogGroup { get; init; }
}

/// <summary><c>cloudWatchLogsLogGroup</c>.</summary>
public sealed record CloudWatchLogsLogGroup
{
    public string? LogGroupArn { get; init; }
}

/// <summary><c>tracingConfiguration</c> (X-Ray).</summary>
public sealed record TracingConfiguration
{
    public static TracingConfiguration Default { get; } = new() { Enabled = false };

    public bool? Enabled { get; init; }
}

/// <summary><c>encryptionConfiguration</c>.</summary>
public sealed record EncryptionConfiguration
{
    public string? KmsKeyId { get; init; }

    public int? KmsDataKeyReusePeriodSeconds { get; init; }

    public string? Type { get; init; }
}

/// <summary>A resource tag (<c>{"key": ..., "value": ...}</c>).</summary>
public sealed record Tag
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}

/// <summary><c>inputDetails</c> / <c>outputDetails</c> of DescribeExecution and StartSyncExecution.</summary>
public sealed record CloudWatchEventsExecutionDataDetails
{
    public bool? Included { get; init; }
}

/// <summary><c>billingDetails</c> of StartSyncExecution.</summary>
public sealed record BillingDetails
{
    public long? BilledMemoryUsedInMB { get; init; }

    public long? BilledDurationInMilliseconds { get; init; }
}
