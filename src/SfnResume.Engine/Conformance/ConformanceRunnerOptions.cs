namespace SfnResume.Engine.Conformance;

/// <summary>How the runner runs a corpus.</summary>
public sealed record ConformanceRunnerOptions
{
    /// <summary>Cases run at the same time (default: the core count).</summary>
    public int MaxDegreeOfParallelism { get; init; } = System.Environment.ProcessorCount;

    /// <summary>Real time one case may take before it counts as failed.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The real clock used for the per-case timeout and timings.</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where each case's virtual clock starts. Fixed by default so runs are repeatable; time-relative inputs are
    /// filled from it and Wait states move it on without real waiting.
    /// </summary>
    public DateTimeOffset VirtualStart { get; init; } = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public ConformanceEnvironment Environment { get; init; } = ConformanceEnvironment.Default;

    /// <summary>Cases not run, by case id, each with the reason (a reader must be able to check it).</summary>
    public IReadOnlyDictionary<string, string> Skips { get; init; } = new Dictionary<string, string>();

    public ComparisonOptions Comparison { get; init; } = ComparisonOptions.Default;
}
