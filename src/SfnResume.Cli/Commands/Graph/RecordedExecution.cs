using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Cli.Commands.Graph;

/// <summary>An execution as the API has it: the definition it ran with and every page of its history.</summary>
internal sealed record RecordedExecution(string ExecutionArn, string StateMachineName, StateMachineDefinition Definition, ExecutionHistory History)
{
    public static async Task<RecordedExecution> LoadAsync(ApiConnection connection, string reference, CancellationToken ct)
    {
        var arn = await connection.ExecutionArnAsync(reference, ct).ConfigureAwait(false);
        var ranWith = await connection.Api.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = arn }, ct).ConfigureAwait(false);
        var definition = InputLoader.ParseDefinition(ranWith.Definition, $"the definition of {reference}");
        var history = ExecutionHistory.FromEvents(await connection.FullHistoryAsync(arn, ct).ConfigureAwait(false));
        return new RecordedExecution(arn, ranWith.Name, definition, history);
    }
}
