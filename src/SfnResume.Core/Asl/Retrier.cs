using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Jitter applied to retry intervals (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).</summary>
public enum JitterStrategy
{
    None,
    Full,
}

/// <summary>One element of <c>Retry</c>. Absent fields hold the documented defaults.</summary>
public sealed record Retrier
{
    public const decimal DefaultIntervalSeconds = 1m;
    public const int DefaultMaxAttempts = 3;
    public const decimal DefaultBackoffRate = 2.0m;

    public required ImmutableArray<string> ErrorEquals { get; init; }

    public decimal IntervalSeconds { get; init; } = DefaultIntervalSeconds;

    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    public decimal BackoffRate { get; init; } = DefaultBackoffRate;

    /// <summary>Cap on a single wait, or null for none.</summary>
    public decimal? MaxDelaySeconds { get; init; }

    public JitterStrategy JitterStrategy { get; init; } = JitterStrategy.None;

    public string? Comment { get; init; }

    public required JsonObject Raw { get; init; }

    /// <summary>Location of this retrier, e.g. <c>/States/Charge/Retry[0]</c>.</summary>
    public required string Pointer { get; init; }
}

/// <summary>One element of <c>Catch</c>.</summary>
public sealed record Catcher
{
    public required ImmutableArray<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    /// <summary>JSONPath: where the error output goes in the raw input (absent = <c>$</c>).</summary>
    public OptionalPath ResultPath { get; init; }

    /// <summary>JSONata: the state output when this catcher matches.</summary>
    public JsonNode? Output { get; init; }

    public JsonNode? Assign { get; init; }

    public string? Comment { get; init; }

    public required JsonObject Raw { get; init; }

    public required string Pointer { get; init; }
}
