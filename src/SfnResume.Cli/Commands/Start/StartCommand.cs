using System.CommandLine;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Start;

/// <summary><c>sfn-resume start</c>: StartExecution, then wait with progress and report the outcome.</summary>
internal static class StartCommand
{
    public static StartCommandDefinition Create()
    {
        var definition = new StartCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(StartCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        var input = ExecutionInput.Read(parseResult.GetValue(symbols.Input));
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var machineArn = await connection.StateMachineArnAsync(parseResult.GetValue(symbols.Machine)!, ct).ConfigureAwait(false);
        var name = parseResult.GetValue(symbols.ExecutionName);
        var noWait = parseResult.GetValue(symbols.NoWait);
        var machine = await connection.Api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = machineArn, IncludedData = IncludedData.MetadataOnly }, ct).ConfigureAwait(false);
        DescribeExecutionResponse execution;
        if (machine.Type == StateMachineType.Express)
        {
            // Express executions keep no history and cannot be described: run them synchronously instead.
            if (noWait)
            {
                var started = await connection.Api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, ct).ConfigureAwait(false);
                io.Out.WriteLine(started.ExecutionArn);
                return ExitCodes.Success;
            }

            var sync = await connection.Api.StartSyncExecutionAsync(new StartSyncExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, ct).ConfigureAwait(false);
            execution = new DescribeExecutionResponse
            {
                ExecutionArn = sync.ExecutionArn,
                StateMachineArn = sync.StateMachineArn ?? machineArn,
                Name = sync.Name,
                Status = sync.Status,
                StartDate = sync.StartDate,
                StopDate = sync.StopDate,
                Input = sync.Input,
                Output = sync.Output,
                Error = sync.Error,
                Cause = sync.Cause,
            };
        }
        else
        {
            var started = await connection.Api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, ct).ConfigureAwait(false);
            execution = noWait
                ? await connection.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn }, ct).ConfigureAwait(false)
                : await WaitAsync(connection, started.ExecutionArn, io, ct).ConfigureAwait(false);
        }

        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ExecutionReport.ToJson(execution)));
        }
        else
        {
            ExecutionReport.Write(io.Out, new Style(io.Color), execution);
        }

        return ExecutionReport.ExitCode(execution);
    }

    /// <summary>Waits for the execution with progress on stderr.</summary>
    public static async Task<DescribeExecutionResponse> WaitAsync(ApiConnection connection, string executionArn, CliIo io, CancellationToken ct)
    {
        try
        {
            return await connection.WaitAsync(executionArn, ExecutionReport.Progress(io.Error), ct).ConfigureAwait(false);
        }
        finally
        {
            ExecutionReport.EndProgress(io.Error);
        }
    }
}
