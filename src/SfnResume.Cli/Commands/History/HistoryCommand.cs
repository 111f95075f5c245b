using System.CommandLine;
using System.Globalization;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.History;

namespace SfnResume.Cli.Commands.History;

/// <summary><c>sfn-resume history</c>: every page of GetExecutionHistory, as a table or as AWS's JSON.</summary>
internal static class HistoryCommand
{
    public static HistoryCommandDefinition Create()
    {
        var definition = new HistoryCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(HistoryCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var arn = await connection.ExecutionArnAsync(parseResult.GetValue(symbols.Execution)!, ct).ConfigureAwait(false);
        var events = await connection.FullHistoryAsync(arn, ct).ConfigureAwait(false);
        if (parseResult.GetValue(symbols.Output) == "json")
        {
            // The history model's own writer: the same shape the AWS CLI prints, which plan reads back unchanged.
            io.Out.WriteLine(ExecutionHistory.FromEvents(events).ToJson(indented: true));
            return ExitCodes.Success;
        }

        var s = new Style(io.Color);
        foreach (var e in events)
        {
            var name = e.StateEnteredEventDetails?.Name ?? e.StateExitedEventDetails?.Name;
            var error = e.ExecutionFailedEventDetails?.Error ?? e.LambdaFunctionFailedEventDetails?.Error ?? e.TaskFailedEventDetails?.Error;
            var when = e.Timestamp.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var line = $"{e.Id,5}  {s.Dim(when)}  {e.TypeName,-32}";
            if (name is not null)
            {
                line += " " + s.Bold(name);
            }

            if (error is not null)
            {
                line += " " + s.Red(error);
            }

            io.Out.WriteLine(line.TrimEnd());
        }

        return ExitCodes.Success;
    }
}
