namespace SfnResume.Engine.Conformance;

/// <summary>
/// The engine under test, seen through the one call the runner needs, so the runner does not depend on the
/// engine's own types. The engine must read time only from <see cref="ConformanceRunRequest.Clock"/>.
/// </summary>
public interface IConformanceEngine
{
    Task<ConformanceExecution> RunAsync(ConformanceRunRequest request, CancellationToken cancellationToken);
}

/// <summary>Everything an engine needs to run one case as it was recorded.</summary>
/// <param name="Case">The case (definition, type, names, Lambda functions with their behaviour).</param>
/// <param name="Input">The execution input, with time-relative placeholders already filled.</param>
/// <param name="StateMachineArn">The ARN to give the state machine (recorded account and region).</param>
/// <param name="ExecutionArn">The ARN to give the execution.</param>
/// <param name="Clock">The virtual clock of this run (fast-forwarding).</param>
/// <param name="Environment">Account and region to run with.</param>
public sealed record ConformanceRunRequest(
    ConformanceCase Case,
    string Input,
    string StateMachineArn,
    string ExecutionArn,
    TimeProvider Clock,
    ConformanceEnvironment Environment)
{
    /// <summary>
    /// The recording test called StopExecution once the first state was entered: the engine should stop the
    /// execution at that point (its history then ends with ExecutionAborted).
    /// </summary>
    public bool StopAfterFirstStateEntered { get; init; }

    /// <summary>
    /// The history was recorded while the execution was still running, with this many events: the engine should
    /// stop once it has written them and report <c>RUNNING</c> with those events, so they are compared as a prefix.
    /// </summary>
    public int? StopAfterEvents { get; init; }
}

/// <summary>Adapts a delegate to <see cref="IConformanceEngine"/>.</summary>
internal sealed class DelegateConformanceEngine(Func<ConformanceRunRequest, CancellationToken, Task<ConformanceExecution>> run)
    : IConformanceEngine
{
    public Task<ConformanceExecution> RunAsync(ConformanceRunRequest request, CancellationToken cancellationToken) =>
        run(request, cancellationToken);
}
