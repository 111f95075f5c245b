using System.CommandLine;
using SfnResume.Cli.Infrastructure;
using SfnResume.Engine.Conformance;

namespace SfnResume.Cli.Commands.Conformance;

/// <summary><c>sfn-resume conformance</c>: load the cases, run them on the local engine, print the counts.</summary>
internal static class ConformanceCommand
{
    public static ConformanceCommandDefinition Create()
    {
        var definition = new ConformanceCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ExecuteAsync(definition, parseResult, io, ct));
        return definition;
    }

    private static async Task<int> ExecuteAsync(ConformanceCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken cancellationToken)
    {
        var folder = parseResult.GetValue(symbols.Cases)!;
        if (!Directory.Exists(folder))
        {
            throw new CliUserException($"--cases: no such folder '{folder}'");
        }

        var parallel = parseResult.GetValue(symbols.Parallel);
        var timeout = parseResult.GetValue(symbols.Timeout);
        if (parallel < 1 || timeout < 1)
        {
            throw new CliUserException("--parallel and --timeout must be at least 1");
        }

        IReadOnlyList<ConformanceCase> cases;
        try
        {
            cases = ConformanceCaseLoader.LoadFolder(folder);
        }
        catch (ConformanceCaseException ex)
        {
            throw new CliUserException(ex.Message);
        }

        var categories = parseResult.GetValue(symbols.Category) ?? [];
        if (categories.Length > 0)
        {
            cases = [.. cases.Where(c => c.Categories.Any(categories.Contains))];
        }

        if (cases.Count == 0)
        {
            throw new CliUserException($"--cases: no cases in '{folder}'{(categories.Length > 0 ? " of the categories asked for" : "")}");
        }

        var runner = new ConformanceRunner(
            new StepFunctionsConformanceEngine(ConformanceLambdaStandIns.InvokerFor),
            new ConformanceRunnerOptions { MaxDegreeOfParallelism = parallel, CaseTimeout = TimeSpan.FromSeconds(timeout) });
        var report = await runner.RunAsync(cases, cancellationToken).ConfigureAwait(false);

        if (parseResult.GetValue(symbols.Report) is { } reportPath)
        {
            try
            {
                report.WriteJson(reportPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUserException($"--report: cannot write '{reportPath}': {ex.Message}");
            }
        }

        if (report.Total.Failed > 0)
        {
            await io.Out.WriteLineAsync(report.FormatFailureGroups(10)).ConfigureAwait(false);
        }

        await io.Out.WriteAsync(report.FormatSummary()).ConfigureAwait(false);
        return report.Total.Failed == 0 ? ExitCodes.Success : ExitCodes.ExecutionFailed;
    }
}
