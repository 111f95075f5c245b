using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks;

/// <summary>Serves the Lambda function behind a Task state: a local handler, an endpoint, a mock or a delegate.</summary>
public interface ILambdaInvoker
{
    /// <summary>Invokes the function once. Function errors come back as <see cref="LambdaOutcome.Failed"/>, never as exceptions.</summary>
    ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One call of a Lambda function by a Task state.</summary>
/// <param name="Function">The function, parsed from the Lambda ARN resource or the lambda:invoke <c>FunctionName</c>/<c>Qualifier</c>.</param>
/// <param name="Payload">The event the function receives (the state's effective input, or lambda:invoke <c>Payload</c>).</param>
/// <param name="StateMachineName">Name of the running state machine (mock configs select test cases by it).</param>
/// <param name="StateName">Name of the Task state (mock configs key responses by it).</param>
/// <param name="Attempt">0 for the first attempt, then 1, 2 ... for each retry.</param>
/// <param name="ExecutionArn">The execution this call belongs to.</param>
public sealed record LambdaInvocation(
    LambdaFunctionRef Function,
    JsonNode? Payload,
    string StateMachineName,
    string StateName,
    int Attempt,
    string ExecutionArn)
{
    /// <summary>The Task state's <c>TimeoutSeconds</c>; when it passes first the outcome is <see cref="LambdaOutcome.TimedOut"/>.</summary>
    public TimeSpan? StateTimeout { get; init; }
}

/// <summary>What a Lambda call produced, in the terms AWS records it.</summary>
public abstract record LambdaOutcome
{
    private protected LambdaOutcome()
    {
    }

    /// <summary>The function returned <paramref name="Payload"/> (its JSON result; for <c>lambda:invoke</c> the
    /// interpreter places it in the Invoke response, see <see cref="LambdaInvokeResponse"/>).</summary>
    public sealed record Succeeded(JsonNode? Payload) : LambdaOutcome;

    /// <summary>A mock supplied the task's whole result (Step Functions Local <c>Return</c>): use it as is, without
    /// wrapping it in an Invoke response.</summary>
    public sealed record Mocked(JsonNode? Result) : LambdaOutcome;

    /// <summary>The call failed with <paramref name="Error"/> and <paramref name="Cause"/> exactly as AWS writes them into
    /// <c>LambdaFunctionFailed</c>/<c>TaskFailed</c> (Retry and Catch match on <paramref name="Error"/>).</summary>
    public sealed record Failed(string Error, string? Cause) : LambdaOutcome;

    /// <summary>The Task state's own <c>TimeoutSeconds</c> passed first: AWS records <c>States.Timeout</c> without a cause
    /// in <c>LambdaFunctionTimedOut</c>/<c>TaskTimedOut</c>.</summary>
    public sealed record TimedOut : LambdaOutcome
    {
        public static TimedOut Instance { get; } = new();
    }
}
