using System.Text.Json.Nodes;
using SfnResume.Cli.Tests.Store;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Start;

public sealed class StartCommandTests : IDisposable
{
    private readonly StateDirFixture _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_SeedWithoutFoo_FailsAtParallel2WithExitOne()
    {
        await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate);

        var start = await _dir.RunAsync("start", "ResumeFromStateExample", "--input", StateDirFixture.SeedInput);

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("FAILED", start.Out);
        Assert.Contains("error: Lambda.Unknown", start.Out);
        Assert.Contains("arn: arn:aws:states:us-east-1:123456789012:execution:ResumeFromStateExample-", start.Out);
        // Not a terminal: progress is one plain line per state entered, on stderr.
        Assert.Contains("  entered Parallel 2", start.Error);
    }

    [Fact]
    public async Task Start_SeedWithFoo_SucceedsWithExitZero()
    {
        await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate);

        var start = await _dir.RunAsync("start", "ResumeFromStateExample", "--input", """{"Message":"hi","foo":1}""", "--output", "json");

        Assert.Equal(0, start.ExitCode);
        var result = JsonNode.Parse(start.Out)!;
        Assert.Equal("SUCCEEDED", (string?)result["status"]);
        Assert.Equal(1, (int)result["output"]![0]!["foo"]!);
    }

    [Fact]
    public async Task Start_UnknownMachine_IsOneLineAndExitTwo()
    {
        var start = await _dir.RunAsync("start", "Nope");

        Assert.Equal(2, start.ExitCode);
        Assert.StartsWith("error: no state machine 'Nope'", start.Error);
    }

    [Fact]
    public async Task Start_NoWait_ThenDescribeShowsTheOutcome()
    {
        await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate);
        var start = await _dir.RunAsync("start", "ResumeFromStateExample", "--name", "quick", "--input", StateDirFixture.SeedInput, "--no-wait", "--output", "json");
        Assert.Equal(0, start.ExitCode);
        Assert.Equal("quick", (string?)JsonNode.Parse(start.Out)!["name"]);

        // The store kept the execution RUNNING when the first command ended; opening it again continues it.
        var described = await _dir.RunAsync("describe", "quick", "--output", "json");

        Assert.Equal(0, described.ExitCode);
        Assert.Contains((string?)JsonNode.Parse(described.Out)!["status"], (string[])["RUNNING", "FAILED"]);
    }

    [Fact]
    public async Task Start_LambdaMapping_ServesTheFunctionInsteadOfItsDeployedCode()
    {
        var deploy = JsonNode.Parse((await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate, "--output", "json")).Out)!;
        var second = (string)deploy["resources"]!.AsArray().Single(r => (string?)r!["logicalId"] == "SecondLambda")!["name"]!;
        var handler = Path.Combine(_dir.Root, "lenient.js");
        File.WriteAllText(handler, "exports.handler = async (event) => ({ ...event, lenient: true });\n");

        var start = await _dir.RunAsync("start", "ResumeFromStateExample", "--input", StateDirFixture.SeedInput, "--lambda", second + "=" + handler, "--output", "json");

        Assert.True(start.ExitCode == 0, start.Out + start.Error);
        Assert.True((bool)JsonNode.Parse(start.Out)!["output"]![0]!["lenient"]!);
    }

    [Fact]
    public async Task Help_IsPinned()
    {
        var run = await CliRunner.RunAsync("start", "--help");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/start-help.txt");
    }
}
