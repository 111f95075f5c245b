using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>What the user asked of a resume: where to start, what to change in the input, how to flag it.</summary>
public sealed record ResumeOptions
{
    public const string DefaultFlagName = "resuming";

    /// <summary>A state the history entered to resume at instead of the failed one.</summary>
    public string? FromState { get; init; }

    /// <summary>A JSON Merge Patch (RFC 7396) applied to the recorded input.</summary>
    public JsonNode? Patch { get; init; }

    /// <summary>The input member that tells the rewritten machine it is resuming.</summary>
    public string FlagName { get; init; } = DefaultFlagName;

    /// <summary>Name of the original state machine; the copy is called <c>&lt;name&gt;-with-GoToState</c>.</summary>
    public string? StateMachineName { get; init; }
}
