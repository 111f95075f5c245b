using System.CommandLine;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Commands.Start;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Redrive;

/// <summary>
/// <c>sfn-resume redrive</c>: checks eligibility first (redrive-and-resume.md, section 1) so the user learns why
/// a redrive cannot happen and what to use instead, then calls RedriveExecution.
/// </summary>
internal static class RedriveCommand
{
    /// <summary>Executions can be redriven within 14 days of their end.</summary>
    private static readonly TimeSpan s_redrivablePeriod = TimeSpan.FromDays(14);

    public static RedriveCommandDefinition Create()
    {
        var definition = new RedriveCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(RedriveCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var reference = parseResult.GetValue(symbols.Execution)!;
        var arn = await connection.ExecutionArnAsync(reference, ct).ConfigureAwait(false);
        var execution = await connection.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, ct).ConfigureAwait(false);
        if (WhyNot(arn, execution, DateTimeOffset.UtcNow) is { } reason)
        {
            throw new CliUserException(
                $"execution '{execution.Name}' cannot be redriven: {reason}; 'sfn-resume resume {reference} --patch JSON --start' resumes it with a new input or definition instead");
        }

        await connection.Api.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = arn, ClientToken = Guid.NewGuid().ToString() }, ct).ConfigureAwait(false);
        if (parseResult.GetValue(symbols.NoWait))
        {
            io.Out.WriteLine(arn);
            return ExitCodes.Success;
        }

        var outcome = await StartCommand.WaitAsync(connection, arn, io, ct).ConfigureAwait(false);
        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ExecutionReport.ToJson(outcome)));
        }
        else
        {
            ExecutionReport.Write(io.Out, new Style(io.Color), outcome);
        }

        return ExecutionReport.ExitCode(outcome);
    }

    /// <summary>Null when AWS would accept the redrive; otherwise the reason, as DescribeExecution or the rules give it.</summary>
    internal static string? WhyNot(string executionArn, DescribeExecutionResponse execution, DateTimeOffset now)
    {
        if (executionArn.Contains(":express:", StringComparison.Ordinal))
        {
            return "Express executions cannot be redriven";
        }

        if (execution.Status is not ("FAILED" or "TIMED_OUT" or "ABORTED"))
        {
            return $"it is {execution.Status}; only FAILED, TIMED_OUT or ABORTED executions can be redriven";
        }

        if (execution.RedriveStatus == RedriveStatus.NotRedrivable)
        {
            return execution.RedriveStatusReason ?? "the service says it is not redrivable";
        }

        return execution.StopDate is { } stopped && now - stopped > s_redrivablePeriod
            ? $"it ended on {stopped:yyyy-MM-dd}, more than 14 days ago"
            : null;
    }
}
