using System.Collections.Immutable;

namespace SfnResume.Engine.Conformance;

public enum ConformanceOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>The result of one case: its outcome, why (for failures and skips) and the first mismatch if any.</summary>
public sealed record ConformanceCaseResult(
    string CaseId,
    string SourceFile,
    ImmutableArray<string> Categories,
    ConformanceOutcome Outcome,
    string? Reason,
    ConformanceMismatch? Mismatch,
    TimeSpan Elapsed)
{
    /// <summary>A key that puts failures with the same cause together (indexes and literal values left out).</summary>
    public string? FailureGroup => Outcome != ConformanceOutcome.Failed
        ? null
        : Mismatch is { } m
            ? ConformanceFailureGroups.ForMismatch(m)
            : ConformanceFailureGroups.ForReason(Reason ?? "failed");
}
