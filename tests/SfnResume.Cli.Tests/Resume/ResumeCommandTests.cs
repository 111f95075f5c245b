using System.Text.Json.Nodes;
using SfnResume.Cli.Tests.Store;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Resume;

public sealed class ResumeCommandTests : IDisposable
{
    private readonly StateDirFixture _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ByHand_DeployStartResume_SucceedsWithoutRunningTheFirstParallelAgain()
    {
        var failed = JsonNode.Parse((await _dir.DeployAndFailAsync()).Out)!;
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("Lambda.Unknown", (string?)failed["error"]);

        var resume = await _dir.RunAsync("resume", "ResumeFromStateExample:first-try", "--patch", """{"foo":1}""", "--start", "--output", "json");

        Assert.True(resume.ExitCode == 0, resume.Out + resume.Error);
        var result = JsonNode.Parse(resume.Out)!;
        Assert.Equal("Parallel 2", (string?)result["resumeState"]);
        Assert.Equal("SUCCEEDED", (string?)result["execution"]!["status"]);
        var first = await _dir.HistoryAsync("ResumeFromStateExample:first-try");
        var resumed = await _dir.HistoryAsync((string)result["execution"]!["executionArn"]!);
        Assert.Equal(2, StateDirFixture.Count(first, "ParallelStateEntered"));
        Assert.Equal(1, StateDirFixture.Count(resumed, "ParallelStateEntered"));
        Assert.Equal(0, StateDirFixture.Entered(resumed, "Parallel"));
        Assert.Equal(0, StateDirFixture.Entered(resumed, "Parallel Step 1, Process 1"));
        Assert.Equal(0, StateDirFixture.Entered(resumed, "Parallel Step 1, Process 2"));
        Assert.Equal(3, StateDirFixture.Count(resumed, "LambdaFunctionScheduled"));
    }

    [Fact]
    public async Task ResumeTwice_FindsTheFirstResumedExecution_AndStartsNoOther()
    {
        await _dir.DeployAndFailAsync();
        var first = await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":1}""", "--start", "--output", "json");
        var second = await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":1}""", "--start");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("created", (string?)JsonNode.Parse(first.Out)!["copy"]);
        Assert.False((bool)JsonNode.Parse(first.Out)!["alreadyStarted"]!);
        Assert.True(second.ExitCode == 0, second.Out + second.Error);
        Assert.Contains("with-GoToState unchanged", second.Out);
        Assert.Contains("first-try-resume already exists", second.Out);
        Assert.DoesNotContain("different input", second.Out);
        var executions = JsonNode.Parse((await _dir.RunAsync("executions", "--output", "json")).Out)!["executions"]!.AsArray();
        Assert.Equal(2, executions.Count);
        var machines = executions.Select(e => (string)e!["stateMachineArn"]!).Distinct().ToList();
        Assert.Equal(2, machines.Count);
    }

    [Fact]
    public async Task ResumeAgain_WithAnotherPatch_SaysTheExistingExecutionRanWithADifferentInput()
    {
        await _dir.DeployAndFailAsync();
        await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":1}""", "--start");

        var again = await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":2}""", "--start");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("first-try-resume already exists", again.Out);
        Assert.Contains("It ran with a different input", again.Out);
    }

    [Fact]
    public async Task Resume_AfterARedeployChangedTheDefinition_UsesTheDefinitionTheExecutionRanWith()
    {
        await _dir.DeployAndFailAsync();
        // The new version renames the failed state: planning against it could not find "Parallel 2".
        var changed = Path.Combine(_dir.Root, "ResumeFromState.yaml");
        File.WriteAllText(changed, File.ReadAllText(StateDirFixture.SeedTemplate).Replace("Parallel 2", "Second Parallel", StringComparison.Ordinal));
        var redeploy = await _dir.RunAsync("deploy", changed, "--stack-name", "ResumeFromState", "--output", "json");
        Assert.Equal(0, redeploy.ExitCode);
        var machine = JsonNode.Parse(redeploy.Out)!["resources"]!.AsArray().Single(r => (string?)r!["kind"] == "state machine")!;
        Assert.Equal("updated", (string?)machine["action"]);

        var resume = await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":1}""", "--start", "--output", "json");

        Assert.True(resume.ExitCode == 0, resume.Out + resume.Error);
        var result = JsonNode.Parse(resume.Out)!;
        Assert.Equal("Parallel 2", (string?)result["resumeState"]);
        Assert.Equal("SUCCEEDED", (string?)result["execution"]!["status"]);
        var resumed = await _dir.HistoryAsync((string)result["execution"]!["executionArn"]!);
        Assert.Equal(1, StateDirFixture.Entered(resumed, "Parallel 2"));
        Assert.Equal(0, StateDirFixture.Entered(resumed, "Second Parallel"));
    }

    [Fact]
    public async Task Resume_WithoutStart_ShowsThePlanAndDeploysTheCopyOnly()
    {
        await _dir.DeployAndFailAsync();

        var resume = await _dir.RunAsync("resume", "first-try", "--patch", """{"foo":1}""");

        Assert.Equal(0, resume.ExitCode);
        Assert.Contains("Resume at  Parallel 2", resume.Out);
        Assert.Contains("Not started", resume.Out);
        var executions = JsonNode.Parse((await _dir.RunAsync("executions", "--output", "json")).Out)!["executions"]!.AsArray();
        Assert.Single(executions);
    }

    [Fact]
    public async Task Resume_UnknownExecution_IsOneLineAndExitTwo()
    {
        await _dir.DeployAndFailAsync();

        var resume = await _dir.RunAsync("resume", "ResumeFromStateExample:nope");

        Assert.Equal(2, resume.ExitCode);
        Assert.StartsWith("error: ExecutionDoesNotExist", resume.Error);
        Assert.Single(resume.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Help_IsPinned()
    {
        var run = await CliRunner.RunAsync("resume", "--help");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/resume-help.txt");
    }
}
