using SfnResume.Api.Contracts;
using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Cli.Infrastructure;

/// <summary>An execution as the API has it: the machine it ran with (its definition parsed) and every page of its history.</summary>
internal sealed record RecordedExecution(
    string ExecutionArn,
    DescribeStateMachineForExecutionResponse RanWith,
    StateMachineDefinition Definition,
    ExecutionHistory History)
{
    public string StateMachineName => RanWith.Name;

    /// <param name="executionArn">The execution's ARN (resolved from what the user typed).</param>
    /// <param name="label">How an error in the stored definition names the execution.</param>
    public static async Task<RecordedExecution> LoadAsync(ApiConnection connection, string executionArn, string label, CancellationToken ct)
    {
        var ranWith = await connection.Api.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
        var definition = InputLoader.ParseDefinition(ranWith.Definition, $"the definition of {label}");
        var history = ExecutionHistory.FromEvents(await connection.FullHistoryAsync(executionArn, ct).ConfigureAwait(false));
        return new RecordedExecution(executionArn, ranWith, definition, history);
    }
}
