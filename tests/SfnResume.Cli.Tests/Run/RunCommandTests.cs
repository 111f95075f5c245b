using System.Text.Json.Nodes;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Run;

public sealed class RunCommandTests : IDisposable
{
    private static readonly string s_seedDefinition = RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json");
    private static readonly string s_first = "ResumeFromState-FirstLambda-5SYGJE8Z13GM=" + Path.Combine(AppContext.BaseDirectory, "Run", "testdata", "first.js");
    private static readonly string s_second = "ResumeFromState-SecondLambda-N4YMKMEK3RK=" + Path.Combine(AppContext.BaseDirectory, "Run", "testdata", "second.js");
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-run-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("noop-1")]
    [InlineData("pass-chain-1000")]
    [InlineData("choice-loop-10000")]
    public async Task Run_Workload_SucceedsWithTheExpectedOutput(string workload)
    {
        var run = await CliRunner.RunAsync("run", "--definition", Workload(workload, "asl"), "--input", "@" + Workload(workload, "input"), "--output", "json", "--no-limits");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("SUCCEEDED", (string?)json["status"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Workload(workload, "expected"))), json["output"]));
    }

    [Fact]
    public async Task Run_SeedMachineWithoutFoo_FailsAtParallel2AndItsHistoryFeedsThePlanner()
    {
        var history = Path.Combine(_temp, "history.json");

        var run = await CliRunner.RunAsync("run", "--definition", s_seedDefinition, "--input", """{"Message": "Your message here"}""",
            "--lambda", s_first, "--lambda", s_second, "--history-out", history, "--output", "json");
        var plan = await CliRunner.RunAsync("plan", "--history", history, "--definition", s_seedDefinition, "--patch", """{"foo":1}""", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal("FAILED", (string?)result["status"]);
        Assert.Equal("Lambda.Unknown", (string?)result["error"]);
        Assert.Equal(0, plan.ExitCode);
        var planned = JsonNode.Parse(plan.Out)!;
        Assert.Equal("Parallel 2", (string?)planned["resumeState"]);
        var expected = JsonNode.Parse("""
            {"Message":"Your message here","output":[{"Message":"Your message here"},{"Message":"Your message here"}],"foo":1,"resuming":true}
            """);
        Assert.True(JsonNode.DeepEquals(expected, planned["resumeInput"]), planned["resumeInput"]!.ToJsonString());
    }

    [Fact]
    public async Task Run_SeedMachineWithFoo_Succeeds()
    {
        var run = await CliRunner.RunAsync("run", "--definition", s_seedDefinition, "--input", """{"Message": "hi", "foo": 1}""",
            "--lambda", s_first, "--lambda", s_second);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SUCCEEDED", run.Out, StringComparison.Ordinal);
        Assert.Contains("Parallel → Parallel Step 1, Process", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LambdaNothingServes_FailsNamingHowToMapIt()
    {
        var run = await CliRunner.RunAsync("run", "--definition", s_seedDefinition, "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var cause = (string?)JsonNode.Parse(run.Out)!["cause"];
        Assert.Contains("--lambda", cause, StringComparison.Ordinal);
        Assert.Contains("ResumeFromState-FirstLambda-5SYGJE8Z13GM", cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputOverTheAwsLimit_IsAUserErrorUnlessLimitsAreLifted()
    {
        var run = await CliRunner.RunAsync("run", "--definition", Workload("map-10000", "asl"), "--input", "@" + Workload("map-10000", "input"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("262,144", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--input", "{nope", "--input")]
    [InlineData("--lambda", "noequals", "NAME=FILE.js")]
    [InlineData("--lambda", "f=/nonexistent/h.js", "no such file")]
    [InlineData("--lambda-endpoint", "ftp://x", "not an http(s) URL")]
    [InlineData("--test-case", "x", "--mocks")]
    public async Task Run_BadOption_IsOneLineUserError(string option, string value, string mention)
    {
        var run = await CliRunner.RunAsync("run", "--definition", s_seedDefinition, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mention, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Run_InvalidDefinition_IsRejectedBeforeItRuns()
    {
        var definition = Path.Combine(_temp, "bad.asl.json");
        File.WriteAllText(definition, """{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""");

        var run = await CliRunner.RunAsync("run", "--definition", definition);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("invalid definition", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_HasNotChanged()
    {
        var run = await CliRunner.RunAsync("run", "--help");

        Golden.AssertText(run.Out, "testdata/run-help.txt");
    }

    private static string Workload(string name, string kind) => RepoPaths.InShared("workloads", $"{name}.{kind}.json");
}
