using SfnResume.Engine.Tasks;

namespace SfnResume.Engine;

/// <summary>Settings of a <see cref="StepFunctionsEngine"/>. Everything ambient (time, ids, randomness) is injected here.</summary>
public sealed class EngineOptions
{
    /// <summary>Source of the current time; waits and retry pauses use it unless <see cref="FastForward"/> is set.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// When true, Wait states and retry pauses take no real time: a virtual clock moves forward instead, so the
    /// history carries the timestamps AWS would have written.
    /// </summary>
    public bool FastForward { get; init; }

    /// <summary>Serves Lambda Task states (function ARN resources and <c>arn:aws:states:::lambda:invoke</c>).</summary>
    public ILambdaInvoker? LambdaInvoker { get; init; }

    /// <summary>Source of ids (Lambda request ids, map run ids). Defaults to random GUIDs.</summary>
    public Func<Guid> NewGuid { get; init; } = Guid.NewGuid;

    /// <summary>Source of numbers in [0, 1) for <c>JitterStrategy: FULL</c>. Defaults to <see cref="Random.Shared"/>.</summary>
    public Func<double> NextRandom { get; init; } = Random.Shared.NextDouble;

    /// <summary>Region used in ARNs and in TaskScheduled events.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account used in ARNs.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// The history quota; an execution that would write more events fails. AWS enforces 25,000
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html); null lifts the limit
    /// (benchmarks run far longer loops).
    /// </summary>
    public int? MaxHistoryEvents { get; init; } = 25_000;

    /// <summary>
    /// The payload quota in UTF-8 bytes for the execution input and every state's input and output
    /// (<c>States.DataLimitExceeded</c>); AWS enforces 262,144. Null lifts it (large benchmark inputs).
    /// </summary>
    public int? MaxPayloadBytes { get; init; } = 262_144;

    /// <summary>
    /// The day whose AWS behaviour the history follows where AWS has changed what it writes; null (the default) is
    /// AWS as it behaves now. Recorded executions compare against the behaviour of the day they were recorded
    /// (see <see cref="AwsHistoryChanges"/> for the changes known).
    /// </summary>
    public DateOnly? AwsBehaviourOf { get; init; }

    /// <summary>
    /// Replaces the computed retry pause of the named states (state name to pause), for local runs that should
    /// not wait out production back-offs while the definition keeps valid intervals.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan>? RetryPauseOverrides { get; init; }
}
