using SfnResume.Api;
using SfnResume.Engine.Tasks;

namespace SfnResume.Local;

/// <summary>Settings of <see cref="LocalStepFunctions"/>.</summary>
public sealed record LocalStepFunctionsOptions
{
    /// <summary>Partition, region and account of the ARNs.</summary>
    public ArnScope Scope { get; init; } = ArnScope.Local;

    /// <summary>The clock (dates, waits, redrive windows).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Wait states and retry pauses take no real time (see <c>EngineOptions.FastForward</c>).</summary>
    public bool FastForward { get; init; }

    /// <summary>What serves Lambda tasks besides the functions deployed into the store (it wins over them).</summary>
    public LambdaResolver? Lambdas { get; init; }

    /// <summary>Serves Lambda tasks instead of <see cref="Lambdas"/> and the deployed functions, when set.</summary>
    public ILambdaInvoker? LambdaInvoker { get; init; }

    /// <summary>History quota (null lifts it).</summary>
    public int? MaxHistoryEvents { get; init; } = 25_000;

    /// <summary>Payload quota in UTF-8 bytes (null lifts it).</summary>
    public int? MaxPayloadBytes { get; init; } = 262_144;

    /// <summary>Retry pauses replaced per state name (local runs).</summary>
    public IReadOnlyDictionary<string, TimeSpan>? RetryPauseOverrides { get; init; }

    /// <summary>Continue the executions the store shows RUNNING when opened (true: the durable behaviour).</summary>
    public bool ResumeRunningExecutions { get; init; } = true;

    /// <summary>Sees every new event of every execution (called on the engine's thread: keep it short).</summary>
    public Action<ExecutionProgress>? Progress { get; init; }
}
