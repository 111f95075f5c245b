using System.Text.Json.Nodes;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// What an engine returned for one case, as AWS shapes it: the status, the output or error and cause
/// strings, and the history events as <c>GetExecutionHistory</c> JSON (input and output fields still strings).
/// </summary>
public sealed record ConformanceExecution(
    string Status,
    string? Output,
    string? Error,
    string? Cause,
    JsonArray? Events);

/// <summary>A <see cref="ConformanceExecution"/> after normalisation, comparable with a recorded case.</summary>
public sealed record NormalisedExecution(
    string Status,
    JsonNode? Output,
    bool HasOutput,
    string? Error,
    JsonNode? Cause,
    JsonArray? Events);
