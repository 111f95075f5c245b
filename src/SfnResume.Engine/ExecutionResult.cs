using SfnResume.Core.History;

namespace SfnResume.Engine;

/// <summary>How an execution ended, with its whole history.</summary>
/// <param name="Status"><c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c> or <c>ABORTED</c>.</param>
/// <param name="Output">Output JSON text when it succeeded.</param>
/// <param name="Error">Error name when it failed, timed out or was aborted with one.</param>
/// <param name="Cause">Cause text, when there is one.</param>
/// <param name="Events">The history, in id order.</param>
/// <param name="StartDate">When ExecutionStarted was written.</param>
/// <param name="StopDate">When the closing event was written.</param>
public sealed record ExecutionResult(
    string Status,
    string? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<HistoryEvent> Events,
    DateTimeOffset StartDate,
    DateTimeOffset StopDate)
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Aborted = "ABORTED";

    /// <summary>The execution's ARN.</summary>
    public string ExecutionArn { get; init; } = "";

    /// <summary>States entered (AWS bills a transition per entered state and per retry).</summary>
    public long StatesEntered { get; init; }

    /// <summary>Retries of Task, Parallel and Map states.</summary>
    public long Retries { get; init; }

    /// <summary>Lambda invocations made.</summary>
    public long TaskCalls { get; init; }
}
