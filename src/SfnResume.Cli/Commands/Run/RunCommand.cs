using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.History;
using SfnResume.Engine;

namespace SfnResume.Cli.Commands.Run;

/// <summary><c>sfn-resume run</c>: compile, run once on the local engine, report.</summary>
internal static class RunCommand
{
    /// <summary>256 KiB: the most an execution input or state payload may hold in AWS.</summary>
    private const int PayloadLimit = 262_144;

    public static RunCommandDefinition Create()
    {
        var definition = new RunCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ExecuteAsync(definition, parseResult, io, ct));
        return definition;
    }

    private static async Task<int> ExecuteAsync(RunCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken cancellationToken)
    {
        var definitionPath = parseResult.GetValue(symbols.Definition)!;
        var definition = InputLoader.LoadDefinition(definitionPath);
        var machineName = parseResult.GetValue(symbols.MachineName) ?? InputLoader.NameFromFile(definitionPath);
        var input = ExecutionInput.Read(parseResult.GetValue(symbols.Input));
        var tasks = TaskSources.FromOptions(new TaskSourceOptions(
            parseResult.GetValue(symbols.Lambda) ?? [],
            parseResult.GetValue(symbols.LambdaEndpoint),
            parseResult.GetValue(symbols.Mocks),
            parseResult.GetValue(symbols.TestCase),
            machineName));

        var noLimits = parseResult.GetValue(symbols.NoLimits);
        var options = new EngineOptions
        {
            FastForward = parseResult.GetValue(symbols.FastForward),
            LambdaInvoker = tasks,
            MaxPayloadBytes = noLimits ? null : PayloadLimit,
            MaxHistoryEvents = noLimits ? null : 25_000,
        };
        var inputBytes = System.Text.Encoding.UTF8.GetByteCount(input);
        if (!noLimits && inputBytes > PayloadLimit)
        {
            // StartExecution refuses such input outright; say so before anything runs.
            throw new CliUserException($"--input: {inputBytes:N0} bytes is over the AWS limit of {PayloadLimit:N0} bytes for an execution input; add --no-limits to run it locally anyway");
        }

        var engine = new StepFunctionsEngine(options);
        var machine = engine.Compile(definition);
        var request = new ExecutionRequest(
            $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{machineName}",
            Guid.NewGuid().ToString(),
            input);

        var clock = Stopwatch.StartNew();
        var result = await engine.RunAsync(machine, request, observer: null, cancellationToken).ConfigureAwait(false);
        clock.Stop();

        if (parseResult.GetValue(symbols.HistoryOut) is { } historyOut)
        {
            CliFiles.WriteText(historyOut, ExecutionHistory.FromEvents(result.Events).ToJson(indented: true) + "\n");
        }

        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ToJson(result)));
        }
        else
        {
            RunText.Write(io.Out, new Style(io.Color), result, clock.Elapsed);
        }

        return result.Status == ExecutionResult.Succeeded ? ExitCodes.Success : ExitCodes.ExecutionFailed;
    }

    internal static JsonObject ToJson(ExecutionResult result) => new()
    {
        ["status"] = result.Status,
        ["output"] = JsonOutput.ParseOrText(result.Output),
        ["error"] = result.Error,
        ["cause"] = result.Cause,
        ["executionArn"] = result.ExecutionArn,
        ["startDate"] = result.StartDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["stopDate"] = result.StopDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["statesEntered"] = result.StatesEntered,
        ["retries"] = result.Retries,
        ["taskCalls"] = result.TaskCalls,
        ["events"] = result.Events.Count,
    };
}
