using System.Text.Json.Nodes;

namespace SfnResume.Cli.Tests.Store;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly StateDirFixture _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task HistoryJson_FeedsThePlanCommand()
    {
        await _dir.DeployAndFailAsync();
        var history = await _dir.RunAsync("history", "first-try", "--output", "json");
        var path = Path.Combine(_dir.Root, "history.json");
        File.WriteAllText(path, history.Out);

        var plan = await CliRunner.RunAsync("plan", "--history", path, "--definition", SfnResume.Testing.RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json"), "--output", "json");

        Assert.Equal(0, history.ExitCode);
        var events = JsonNode.Parse(history.Out)!["events"]!.AsArray();
        Assert.Equal("ExecutionStarted", (string?)events[0]!["type"]);
        Assert.Equal("ExecutionFailed", (string?)events[^1]!["type"]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Equal("Parallel 2", (string?)JsonNode.Parse(plan.Out)!["resumeState"]);
    }

    [Fact]
    public async Task HistoryText_ShowsOneLinePerEvent()
    {
        await _dir.DeployAndFailAsync();

        var history = await _dir.RunAsync("history", "first-try");

        Assert.Equal(0, history.ExitCode);
        var lines = history.Out.TrimEnd().Split('\n');
        Assert.Equal((await _dir.HistoryAsync("first-try")).Count, lines.Length);
        Assert.Contains(lines, l => l.Contains("ParallelStateEntered", StringComparison.Ordinal) && l.EndsWith("Parallel 2", StringComparison.Ordinal));
        Assert.Contains("ExecutionFailed", lines[^1]);
        Assert.EndsWith("Lambda.Unknown", lines[^1]);
    }

    [Fact]
    public async Task Executions_ListsByMachine_AndDescribeShowsError()
    {
        await _dir.DeployAndFailAsync();

        var list = await _dir.RunAsync("executions", "ResumeFromStateExample");
        var describe = await _dir.RunAsync("describe", "ResumeFromStateExample:first-try");

        Assert.Equal(0, list.ExitCode);
        Assert.StartsWith("FAILED", list.Out);
        Assert.Contains("first-try", list.Out);
        Assert.Equal(0, describe.ExitCode);
        Assert.Contains("error: Lambda.Unknown", describe.Out);
        Assert.Contains("input: {\"Message\": \"Your message here\"}", describe.Out);
    }

    [Fact]
    public async Task Executions_EmptyStateDir_SaysSo()
    {
        var list = await _dir.RunAsync("executions");

        Assert.Equal(0, list.ExitCode);
        Assert.StartsWith("No executions in ", list.Out);
    }
}
