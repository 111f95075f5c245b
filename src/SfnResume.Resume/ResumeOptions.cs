using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>What the user asked of a resume: where to start, what to change in the input, how to flag it.</summary>
public sealed record ResumeOptions
{
    public const string DefaultFlagName = "resuming";

    /// <summary>
    /// A state the history entered to resume at instead of the failed one: a top-level name, an inner name that
    /// ran in one place only, or a path such as <c>Outer/branch 1/Inner Task</c> or <c>Items/iteration 3/Charge</c>
    /// (indices from 0). Inside a Parallel or Map, that branch or iteration resumes there with the state's recorded
    /// input; the others are reused or resumed as after a failure.
    /// </summary>
    public string? FromState { get; init; }

    /// <summary>
    /// A JSON Merge Patch (RFC 7396) applied to the recorded input of the top-level resume state and of every
    /// inner state the resume starts at (the failed states inside branches and iterations).
    /// </summary>
    public JsonNode? Patch { get; init; }

    /// <summary>The input member that tells the rewritten machine it is resuming.</summary>
    public string FlagName { get; init; } = DefaultFlagName;

    /// <summary>Name of the original state machine; the copy is called <c>&lt;name&gt;-with-GoToState</c>.</summary>
    public string? StateMachineName { get; init; }
}
