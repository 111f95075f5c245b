namespace SfnResume.Engine.Conformance;

/// <summary>
/// One call for a command line: load a folder of cases (the shared corpus or the user's own recordings in the
/// same format), run them on <see cref="StepFunctionsEngine"/> with the Lambda stand-ins, and return the report
/// (print <see cref="ConformanceRunReport.FormatSummary"/>, write <see cref="ConformanceRunReport.WriteJson(string)"/>).
/// </summary>
public static class ConformanceSuite
{
    /// <exception cref="ConformanceCaseException">The folder is missing or a case file is malformed (one-line message).</exception>
    /// <param name="folder">The folder of case files.</param>
    /// <param name="options">Run settings (parallelism, timeout, skips).</param>
    /// <param name="filter">Selects the cases to run (e.g. one category); all when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<ConformanceRunReport> RunFolderAsync(
        string folder,
        ConformanceRunnerOptions? options = null,
        Func<ConformanceCase, bool>? filter = null,
        CancellationToken cancellationToken = default)
    {
        var cases = ConformanceCaseLoader.LoadFolder(folder).Where(filter ?? (_ => true));
        var runner = new ConformanceRunner(new StepFunctionsConformanceEngine(ConformanceLambdaStandIns.InvokerFor), options);
        return runner.RunAsync(cases, cancellationToken);
    }
}
