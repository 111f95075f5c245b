namespace SfnResume.Engine;

/// <summary>What <c>StartExecution</c> carries.</summary>
/// <param name="StateMachineArn">ARN of the state machine; its last part is the machine's name.</param>
/// <param name="ExecutionName">Name of the execution (the last part of its ARN).</param>
/// <param name="Input">The execution input as the caller sent it (JSON text, kept verbatim in the history).</param>
/// <param name="RoleArn">The role the execution runs as; defaults to a role of the configured account.</param>
/// <param name="Type"><c>STANDARD</c> or <c>EXPRESS</c>.</param>
public sealed record ExecutionRequest(string StateMachineArn, string ExecutionName, string Input, string? RoleArn = null, string Type = "STANDARD")
{
    /// <summary>Number of times the execution was redriven (<c>$$.Execution.RedriveCount</c>).</summary>
    public int RedriveCount { get; init; }

    /// <summary>Stops the execution with an error and cause (StopExecution); optional.</summary>
    public ExecutionStopSource? StopSource { get; init; }
}
