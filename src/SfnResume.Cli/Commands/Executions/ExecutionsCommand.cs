using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Executions;

/// <summary><c>sfn-resume executions</c>: every page of ListExecutions, newest first as AWS lists them.</summary>
internal static class ExecutionsCommand
{
    public static ExecutionsCommandDefinition Create()
    {
        var definition = new ExecutionsCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(ExecutionsCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        IReadOnlyList<string> machines = parseResult.GetValue(symbols.Machine) is { } machine
            ? [await connection.StateMachineArnAsync(machine, ct).ConfigureAwait(false)]
            : [.. (await connection.AllStateMachinesAsync(ct).ConfigureAwait(false))
                .Where(m => m.Type != StateMachineType.Express) // Express executions are not kept: nothing to list.
                .Select(m => m.StateMachineArn)];
        var executions = new List<ExecutionListItem>();
        foreach (var arn in machines)
        {
            executions.AddRange(await connection.AllExecutionsAsync(arn, ct).ConfigureAwait(false));
        }

        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(new JsonObject
            {
                ["executions"] = new JsonArray([.. executions.Select(e => (JsonNode)new JsonObject
                {
                    ["executionArn"] = e.ExecutionArn,
                    ["stateMachineArn"] = e.StateMachineArn,
                    ["name"] = e.Name,
                    ["status"] = e.Status,
                    ["startDate"] = e.StartDate,
                    ["stopDate"] = e.StopDate,
                })]),
            }));
            return ExitCodes.Success;
        }

        if (executions.Count == 0)
        {
            io.Out.WriteLine($"No executions in {connection.StateDirectory}.");
            return ExitCodes.Success;
        }

        var s = new Style(io.Color);
        var width = executions.Max(e => e.Name.Length);
        var machineWidth = executions.Max(e => MachineName(e).Length);
        foreach (var e in executions)
        {
            var status = e.Status == ExecutionStatuses.Succeeded ? s.Green(e.Status.PadRight(10))
                : e.Status == ExecutionStatuses.Running ? s.Yellow(e.Status.PadRight(10))
                : s.Red(e.Status.PadRight(10));
            var started = e.StartDate.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            io.Out.WriteLine($"{status} {s.Bold(e.Name.PadRight(width))}  {MachineName(e).PadRight(machineWidth)}  {s.Dim(started)}");
        }

        return ExitCodes.Success;
    }

    private static string MachineName(ExecutionListItem e) => e.StateMachineArn[(e.StateMachineArn.LastIndexOf(':') + 1)..];
}
