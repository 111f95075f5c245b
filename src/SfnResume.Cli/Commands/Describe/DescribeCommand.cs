using System.CommandLine;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Commands.Start;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Describe;

/// <summary><c>sfn-resume describe</c>: DescribeExecution, shown as <c>start</c> shows an outcome.</summary>
internal static class DescribeCommand
{
    public static DescribeCommandDefinition Create()
    {
        var definition = new DescribeCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(DescribeCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var arn = await connection.ExecutionArnAsync(parseResult.GetValue(symbols.Execution)!, ct).ConfigureAwait(false);
        var execution = await connection.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, ct).ConfigureAwait(false);
        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ExecutionReport.ToJson(execution)));
        }
        else
        {
            var s = new Style(io.Color);
            ExecutionReport.Write(io.Out, s, execution);
            io.Out.WriteLine($"  input: {s.Cyan(JsonOutput.Abbreviate(execution.Input ?? "{}"))}");
        }

        return ExitCodes.Success;
    }
}
