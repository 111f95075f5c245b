using System.CommandLine;
using System.Text.Json.Nodes;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Commands.Plan;
using SfnResume.Cli.Commands.Start;
using SfnResume.Cli.Infrastructure;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Resume;

/// <summary><c>sfn-resume resume</c>: the plan as <c>plan</c> shows it, the copy, and the resumed execution.</summary>
internal static class ResumeCommand
{
    public static ResumeCommandDefinition Create()
    {
        var definition = new ResumeCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(ResumeCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        var options = new ResumeOptions
        {
            FromState = parseResult.GetValue(symbols.From),
            Patch = parseResult.GetValue(symbols.Patch) is { } patch ? JsonArgument.Read(patch, "--patch") : null,
            FlagName = parseResult.GetValue(symbols.Flag)!,
        };
        var start = parseResult.GetValue(symbols.Start);
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var executionArn = await connection.ExecutionArnAsync(parseResult.GetValue(symbols.Execution)!, ct).ConfigureAwait(false);
        var outcome = await ResumeRunner.ResumeAsync(connection, executionArn, options, start, ct).ConfigureAwait(false);
        DescribeExecutionResponse? resumed = null;
        if (outcome.ResumedExecutionArn is { } arn)
        {
            resumed = parseResult.GetValue(symbols.NoWait)
                ? await connection.Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, ct).ConfigureAwait(false)
                : await StartCommand.WaitAsync(connection, arn, io, ct).ConfigureAwait(false);
        }

        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ToJson(outcome, resumed)));
        }
        else
        {
            Write(io.Out, new Style(io.Color), outcome, resumed, connection.StateDirectory);
        }

        return resumed is null ? ExitCodes.Success : ExecutionReport.ExitCode(resumed);
    }

    public static void Write(TextWriter o, Style s, ResumeOutcome outcome, DescribeExecutionResponse? resumed, string stateDir)
    {
        PlanText.Write(o, s, outcome.Plan, outDir: null);
        o.WriteLine();
        o.WriteLine($"{s.Bold("Copy")} {outcome.Plan.StateMachineName} {outcome.CopyAction}: {s.Dim(outcome.CopyArn)}");
        if (resumed is null)
        {
            o.WriteLine(s.Dim($"Not started: run this command again with --start (state dir {stateDir})."));
            return;
        }

        if (outcome.AlreadyStarted)
        {
            o.WriteLine(s.Yellow($"Execution {outcome.ResumeExecutionName} already exists: this failure was resumed before, so nothing new was started."));
            if (!JsonNode.DeepEquals(JsonOutput.ParseOrText(resumed.Input), outcome.Plan.ResumeInput))
            {
                o.WriteLine(s.Yellow("It ran with a different input than this resume would give (another --from or --patch)."));
            }
        }

        ExecutionReport.Write(o, s, resumed);
    }

    public static JsonObject ToJson(ResumeOutcome outcome, DescribeExecutionResponse? resumed) => new()
    {
        ["failedExecutionArn"] = outcome.Failed.ExecutionArn,
        ["resumeState"] = outcome.Plan.ResumeState,
        ["resumeInput"] = outcome.Plan.ResumeInput.DeepClone(),
        ["skipped"] = new JsonArray([.. outcome.Plan.Skipped.Select(k => (JsonNode)JsonValue.Create(k.Name))]),
        ["copyStateMachineArn"] = outcome.CopyArn,
        ["copy"] = outcome.CopyAction,
        ["alreadyStarted"] = outcome.AlreadyStarted,
        ["execution"] = resumed is null ? null : ExecutionReport.ToJson(resumed),
    };
}
