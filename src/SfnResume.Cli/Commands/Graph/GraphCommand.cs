using System.CommandLine;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Asl;
using SfnResume.Core.Graph;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Graph;

/// <summary><c>sfn-resume graph</c>: load, draw (SfnResume.Core.Graph), write; Graphviz only for SVG.</summary>
internal static class GraphCommand
{
    public static GraphCommandDefinition Create()
    {
        var definition = new GraphCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(GraphCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        var execution = parseResult.GetValue(symbols.Execution);
        var definitionPath = parseResult.GetValue(symbols.Definition);
        var historyPath = parseResult.GetValue(symbols.History);
        var wantsPlan = parseResult.GetValue(symbols.Plan);
        if (execution is not null && (definitionPath is not null || historyPath is not null))
        {
            throw new CliUserException("graph takes EXECUTION or --definition/--history, not both");
        }

        if (execution is null && definitionPath is null)
        {
            throw new CliUserException("graph needs EXECUTION, or --definition FILE (and --history FILE to colour it)");
        }
        if (!wantsPlan && (parseResult.GetValue(symbols.From) is not null || parseResult.GetValue(symbols.Patch) is not null))
        {
            throw new CliUserException("--from and --patch shape a resume plan: add --plan");
        }

        if (wantsPlan && execution is null && historyPath is null)
        {
            throw new CliUserException("--plan needs --history FILE: a resume plan starts from a failed execution");
        }

        var outPath = parseResult.GetValue(symbols.Out);
        var format = parseResult.GetValue(symbols.Format) ?? FormatFromExtension(outPath);
        StateMachineDefinition definition;
        ExecutionHistory? history;
        string name;
        if (execution is not null)
        {
            await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
            var arn = await connection.ExecutionArnAsync(execution, ct).ConfigureAwait(false);
            var recorded = await RecordedExecution.LoadAsync(connection, arn, execution, ct).ConfigureAwait(false);
            (definition, history, name) = (recorded.Definition, recorded.History, recorded.StateMachineName);
        }
        else
        {
            definition = InputLoader.LoadDefinition(definitionPath!);
            history = historyPath is null ? null : InputLoader.LoadHistory(historyPath);
            name = InputLoader.NameFromFile(definitionPath!);
        }

        var timeline = history is null ? null : ExecutionTimeline.Build(history);
        IReadOnlyDictionary<string, PlanMark>? marks = null;
        if (wantsPlan)
        {
            var options = new ResumeOptions
            {
                FromState = parseResult.GetValue(symbols.From),
                Patch = parseResult.GetValue(symbols.Patch) is { } patch ? JsonArgument.Read(patch, "--patch") : null,
            };
            marks = GraphPlanMarks.From(definition, timeline!, Plan(definition, history!, options));
        }

        var picture = format switch
        {
            "dot" => GraphRenderer.Dot(definition, timeline, marks, name),
            "svg" => Graphviz.RenderSvg(GraphRenderer.Dot(definition, timeline, marks, name), Environment.GetEnvironmentVariable("PATH")),
            _ => GraphRenderer.Mermaid(definition, timeline, marks),
        };

        if (outPath is null)
        {
            io.Out.Write(picture);
        }
        else
        {
            CliFiles.WriteText(outPath, picture);
            io.Out.WriteLine(outPath);
        }

        return ExitCodes.Success;
    }

    private static ResumePlan Plan(StateMachineDefinition definition, ExecutionHistory history, ResumeOptions options)
    {
        try
        {
            return ResumePlanner.Plan(definition, history, options);
        }
        catch (ResumePlanningException ex)
        {
            throw new CliUserException(ex.Message);
        }
    }

    private static string FormatFromExtension(string? outPath) => Path.GetExtension(outPath ?? "").ToLowerInvariant() switch
    {
        ".dot" or ".gv" => "dot",
        ".svg" => "svg",
        _ => "mermaid",
    };
}
