using System.CommandLine;
using System.Reflection;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Commands.Deploy;
using SfnResume.Cli.Commands.Graph;
using SfnResume.Cli.Commands.Plan;
using SfnResume.Cli.Commands.Resume;
using SfnResume.Cli.Commands.Start;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Demo;

/// <summary>
/// <c>sfn-resume demo</c>: the seed tutorial (samples/resume-from-state) told step by step. The template is
/// embedded in the tool and everything runs in process on a temporary state directory: no AWS, no Node.js.
/// </summary>
internal static class DemoCommand
{
    public const string MachineName = "ResumeFromStateExample";
    public const string Input = """{"Message": "Your message here"}""";
    public const string Patch = """{"foo":1}""";
    private const string TemplateResource = "SfnResume.Cli.Demo.ResumeFromState.yaml";
    private const string TemplateInRepo = "samples/resume-from-state/ResumeFromState.yaml";
    private const string PictureFile = "resume-graph.mmd";

    public static DemoCommandDefinition Create()
    {
        var definition = new DemoCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(parseResult.GetValue(definition.Keep), io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(bool keep, CliIo io, CancellationToken ct)
    {
        var temp = Directory.CreateTempSubdirectory("sfn-resume-demo-").FullName;
        try
        {
            return await RunAsync(temp, io, ct).ConfigureAwait(false);
        }
        finally
        {
            if (keep)
            {
                io.Out.WriteLine($"The demo's state directory is kept: {Path.Combine(temp, "state")}");
            }
            else
            {
                // Everything but the picture goes: its path was printed for the user to open.
                foreach (var entry in Directory.EnumerateFileSystemEntries(temp).Where(e => Path.GetFileName(e) != PictureFile))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }
        }
    }

    private static async Task<int> RunAsync(string temp, CliIo io, CancellationToken ct)
    {
        var o = io.Out;
        var s = new Style(io.Color);
        var templatePath = Path.Combine(temp, "ResumeFromState.yaml");
        await File.WriteAllTextAsync(templatePath, ReadTemplate(), ct).ConfigureAwait(false);
        var stateDir = Path.Combine(temp, "state");

        await using var connection = ApiConnection.Open(ApiConnectionSettings.ForStateDir(stateDir));

        Step(o, s, 1, "Deploy the tutorial's CloudFormation template",
            "Two Node.js Lambda functions (inline code) and the state machine ResumeFromStateExample: Parallel (two calls of",
            "FirstLambda), then Parallel 2 (two calls of SecondLambda), then Final Processing. SecondLambda fails when 'foo' is missing.");
        var deployment = StackDeployer.Read(templatePath, "ResumeFromState", []);
        var deployed = await StackDeployer.DeployAsync(connection, deployment, StackDeployer.Hash(templatePath), ct).ConfigureAwait(false);
        DeployCommand.Write(o, s, deployed, stateDir);

        Step(o, s, 2, $"Start {MachineName} with {Input}", "The input has no 'foo', so the execution is expected to fail.");
        var machineArn = await connection.StateMachineArnAsync(MachineName, ct).ConfigureAwait(false);
        var started = await connection.Api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = "first-try", Input = Input }, ct).ConfigureAwait(false);
        var failed = await StartCommand.WaitAsync(connection, started.ExecutionArn, io, ct).ConfigureAwait(false);
        ExecutionReport.Write(o, s, failed);
        if (failed.Status != ExecutionStatuses.Failed)
        {
            throw new CliUserException($"the demo expected the first execution to fail, but it ended {failed.Status}");
        }

        o.WriteLine(s.Yellow("As the tutorial expects: inside Parallel 2, SecondLambda called context.fail() because 'foo' is missing (Lambda.Unknown)."));

        Step(o, s, 3, "Plan the resume from the failed execution's history",
            "sfn-resume reads the history, finds the failed state and the input it got, and applies the patch {\"foo\":1}.",
            "It deploys a copy of the machine with a Choice state 'GoToState' in front that jumps straight to that state.");
        var outcome = await ResumeRunner.ResumeAsync(connection, started.ExecutionArn, new ResumeOptions { Patch = JsonArgument.Parse(Patch, "--patch") }, start: true, ct).ConfigureAwait(false);
        PlanText.Write(o, s, outcome.Plan, outDir: null);
        o.WriteLine($"{s.Bold("Copy")} {outcome.Plan.StateMachineName} {outcome.CopyAction}: {s.Dim(outcome.CopyArn)}");
        var picture = Path.Combine(temp, PictureFile);
        await File.WriteAllTextAsync(picture, GraphPlanMarks.Mermaid(outcome.Failed.Definition, ExecutionTimeline.Build(outcome.Failed.History), outcome.Plan), ct).ConfigureAwait(false);
        o.WriteLine($"{s.Bold("Picture")} {picture} {s.Dim("(Mermaid: what the resume skips, reuses and runs again)")}");

        Step(o, s, 4, $"Run the copy with the resume input (execution {outcome.ResumeExecutionName})",
            "It starts at the failed state with the recorded input plus the patch: the work done before is not done again.");
        var resumed = await StartCommand.WaitAsync(connection, outcome.ResumedExecutionArn!, io, ct).ConfigureAwait(false);
        ExecutionReport.Write(o, s, resumed);

        Step(o, s, 5, "Compare the two histories", "Counted from GetExecutionHistory of each execution:");
        var first = outcome.Failed.History.Events;
        var second = await connection.FullHistoryAsync(resumed.ExecutionArn, ct).ConfigureAwait(false);
        WriteComparison(o, s, first, second);
        var firstParallelRerun = ExecutionReport.Entered(second, "Parallel");
        var proved = resumed.Status == ExecutionStatuses.Succeeded && firstParallelRerun == 0
            && ExecutionReport.Entered(second, "Parallel Step 1, Process 1") == 0 && ExecutionReport.Entered(second, "Parallel Step 1, Process 2") == 0;
        o.WriteLine(proved
            ? s.Green("The resumed execution succeeded without running the first Parallel state or its two Lambda calls again.")
            : s.Red("The resumed execution did not go as the tutorial says (see above)."));

        Step(o, s, 6, "Do it yourself", "The same steps by hand, from a checkout of the repository:");
        const string dir = ".sfn-resume-tutorial";
        o.WriteLine($"  sfn-resume deploy {TemplateInRepo} --state-dir {dir}");
        o.WriteLine($"  sfn-resume start {MachineName} --name first-try --input '{Input}' --state-dir {dir}");
        o.WriteLine($"  sfn-resume resume {MachineName}:first-try --patch '{Patch}' --start --state-dir {dir}");
        o.WriteLine($"  sfn-resume graph {MachineName}:first-try --plan --patch '{Patch}' --state-dir {dir}");
        o.WriteLine($"  sfn-resume history {outcome.Plan.StateMachineName}:{outcome.ResumeExecutionName} --state-dir {dir}");
        return proved ? ExitCodes.Success : ExitCodes.ExecutionFailed;
    }

    private static void WriteComparison(TextWriter o, Style s, IReadOnlyList<HistoryEvent> first, IReadOnlyList<HistoryEvent> second)
    {
        o.WriteLine($"  {"",-40} {"first-try",10} {"resumed",10}");
        Row("Lambda calls (LambdaFunctionScheduled)", ExecutionReport.Count(first, HistoryEventType.LambdaFunctionScheduled), ExecutionReport.Count(second, HistoryEventType.LambdaFunctionScheduled));
        Row("Parallel states entered", ExecutionReport.Count(first, HistoryEventType.ParallelStateEntered), ExecutionReport.Count(second, HistoryEventType.ParallelStateEntered));
        foreach (var state in (string[])["Parallel", "Parallel Step 1, Process 1", "Parallel Step 1, Process 2", "Parallel 2", "Final Processing"])
        {
            Row($"  '{state}' entered", ExecutionReport.Entered(first, state), ExecutionReport.Entered(second, state));
        }

        void Row(string label, int a, int b) => o.WriteLine($"  {label,-40} {a,10} {(a == b ? s.Dim(b.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(10)) : s.Green(b.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(10)))}");
    }

    private static void Step(TextWriter o, Style s, int number, string title, params string[] explanation)
    {
        o.WriteLine();
        o.WriteLine(s.Bold($"Step {number}. {title}"));
        foreach (var line in explanation)
        {
            o.WriteLine(s.Dim(line));
        }

        o.WriteLine();
    }

    private static string ReadTemplate()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException("The demo template is not embedded in the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
