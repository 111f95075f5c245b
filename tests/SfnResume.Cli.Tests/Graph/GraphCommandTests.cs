using SfnResume.Cli.Commands.Graph;
using SfnResume.Cli.Infrastructure;
using SfnResume.Cli.Tests.Store;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Graph;

public sealed class GraphCommandTests : IDisposable
{
    private static readonly string s_history = RepoPaths.InRoot("samples", "resume-from-state", "sample_execution_history.json");
    private static readonly string s_definition = RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json");
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-graph-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Graph_SeedSample_PrintsColouredMermaid()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Golden.AssertText(run.Out, "testdata/seed.mmd");
        Assert.StartsWith("flowchart TD\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("class s3,s5 failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_Plan_ColoursByWhatTheResumeDoes()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--plan");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/seed-plan.mmd");
        Assert.Contains("class s0,s1,s2 skip", run.Out, StringComparison.Ordinal);
        Assert.Contains("class s3 resumeHere", run.Out, StringComparison.Ordinal);
        Assert.Contains("class s4,s5,s6 runAgain", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_PlanFromFirstParallel_ReusesItsBranchesThatSucceeded()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--plan", "--from", "Parallel", "--format", "dot");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/seed-plan-from-parallel.dot");
        Assert.Contains("s0 [label=\"Parallel\\n2 branches succeeded\", style=\"filled\", shape=box3d, fillcolor=\"#e1bee7\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("s1 [label=\"Parallel Step 1, Process 1\", style=\"filled\", fillcolor=\"#bbdefb\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_DefinitionAloneAsDot_HasClustersAndNoColours()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--format", "dot");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/seed-definition.dot");
        Assert.StartsWith("digraph \"definition\" {", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("#f8d7da", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_Out_WritesTheFileAndPrintsItsPath()
    {
        var path = Path.Combine(_temp, "pictures", "seed.dot");

        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(path + Environment.NewLine, run.Out);
        Assert.StartsWith("digraph ", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_Svg_RunsGraphvizOrSaysHowToGetIt()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--format", "svg");

        if (Graphviz.Find(Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("error: " + Graphviz.Missing + Environment.NewLine, run.Error);
        }
        else
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("<svg", run.Out, StringComparison.Ordinal);
            Assert.Contains("Parallel Step 2, Process 2", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RenderSvg_WithoutDotOnPath_IsOneLineThatSaysHowToInstallIt()
    {
        var ex = Assert.Throws<CliUserException>(() => Graphviz.RenderSvg("digraph \"x\" {}", Path.Combine(_temp, "no-graphviz-here")));

        Assert.Contains("apt-get install graphviz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--format mermaid", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void RenderSvg_DotRejectsTheInput_IsAUserErrorWithDotsMessage()
    {
        // A shell script stands in for a 'dot' that fails like Graphviz on a syntax error; CI runs on Linux
        // (.ci/run is bash), and Windows could not execute the script.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fake = Path.Combine(_temp, "dot");
        File.WriteAllText(fake, "#!/bin/sh\ncat > /dev/null\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var ex = Assert.Throws<CliUserException>(() => Graphviz.RenderSvg("not dot", _temp));

        Assert.Equal($"'{fake} -Tsvg' failed (exit code 1): Error: <stdin>: syntax error in line 1", ex.Message);
    }

    [Fact]
    public async Task Graph_ExecutionInTheStore_DrawsTheDefinitionItRanWith_ColouredByItsHistory()
    {
        using var dir = new StateDirFixture();
        await dir.DeployAndFailAsync();

        var run = await dir.RunAsync("graph", "ResumeFromStateExample:first-try");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("flowchart TD\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("Parallel 2", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"class [s0-9,]+ failed", run.Out);
        Assert.Matches(@"class [s0-9,]+ succeeded", run.Out);
    }

    [Fact]
    public async Task Graph_ExecutionInTheStore_WithPlan_MatchesThePictureFromItsHistoryFile()
    {
        using var dir = new StateDirFixture();
        await dir.DeployAndFailAsync();
        var history = Path.Combine(dir.Root, "history.json");
        File.WriteAllText(history, (await dir.RunAsync("history", "first-try", "--output", "json")).Out);

        var fromStore = await dir.RunAsync("graph", "first-try", "--plan", "--patch", """{"foo":1}""");
        var fromFiles = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", history, "--plan", "--patch", """{"foo":1}""");

        Assert.True(fromStore.ExitCode == 0, fromStore.Error);
        Assert.Equal(fromFiles.Out, fromStore.Out);
        Assert.Contains("resumeHere", fromStore.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_UnknownExecution_IsOneLineAndExitCode2()
    {
        using var dir = new StateDirFixture();

        var run = await dir.RunAsync("graph", "arn:aws:states:us-east-1:111111111111:execution:orders:42");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("orders:42", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Graph_ExecutionAndFiles_IsAUserError()
    {
        var run = await CliRunner.RunAsync("graph", "first-try", "--definition", s_definition);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: graph takes EXECUTION or --definition/--history, not both" + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task Graph_BadDefinition_IsOneLineAndExitCode2()
    {
        var bad = Path.Combine(_temp, "bad.asl.json");
        File.WriteAllText(bad, """{"StartAt": "Nowhere", "States": {}}""");

        var run = await CliRunner.RunAsync("graph", "--definition", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --definition '{bad}': invalid definition:", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Graph_BadHistory_IsOneLineAndExitCode2()
    {
        var bad = Path.Combine(_temp, "bad.history.json");
        File.WriteAllText(bad, "{\"events\": [");

        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --history '{bad}':", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--plan needs --history FILE: a resume plan starts from a failed execution", "--plan")]
    [InlineData("--from and --patch shape a resume plan: add --plan", "--from", "Parallel")]
    public async Task Graph_PlanOptionsWithoutWhatTheyNeed_AreUserErrors(string message, params string[] extra)
    {
        var run = await CliRunner.RunAsync(["graph", "--definition", s_definition, .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: " + message + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task Graph_NoDefinition_AsksForOne()
    {
        var run = await CliRunner.RunAsync("graph");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: graph needs EXECUTION, or --definition FILE (and --history FILE to colour it)" + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task Graph_UnknownFormat_IsRejectedByTheParser()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--format", "png");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("png", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Out_AlsoWritesTheMermaidPicture()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--out", _temp);

        Assert.Equal(0, run.ExitCode);
        var picture = File.ReadAllText(Path.Combine(_temp, "resume-graph.mmd"));
        Assert.Equal((await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--plan")).Out, picture);
    }

    [Fact]
    public async Task Graph_Help_HasNotChanged()
    {
        var run = await CliRunner.RunAsync("graph", "--help");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/graph-help.txt");
    }
}
