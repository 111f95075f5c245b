using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Plan;

public sealed class PlanCommandTests : IDisposable
{
    private static readonly string s_history = RepoPaths.InRoot("samples", "resume-from-state", "sample_execution_history.json");
    private static readonly string s_definition = RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json");
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-plan-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Plan_SeedSampleJson_ResumesAtParallel2WithTheTutorialInput()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--patch", """{"foo":1}""", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("Parallel 2", (string?)json["resumeState"]);
        var expectedInput = JsonNode.Parse("""
            {"Message":"Your message here","output":[{"Message":"Your message here"},{"Message":"Your message here"}],"foo":1,"resuming":true}
            """);
        Assert.True(JsonNode.DeepEquals(expectedInput, json["resumeInput"]), json["resumeInput"]!.ToJsonString());
        var failure = json["failure"]!;
        Assert.Equal("FAILED", (string?)failure["status"]);
        Assert.Equal("Lambda.Unknown", (string?)failure["error"]);
        Assert.Equal("Parallel 2", (string?)failure["path"]![0]);
        Assert.StartsWith("Parallel Step 2, Process ", (string?)failure["state"]);
        Assert.Equal("definition-with-GoToState", (string?)json["stateMachineName"]);
        Assert.Equal("Parallel", (string?)json["skipped"]![0]!["state"]);
        var definition = json["definition"]!;
        Assert.Equal("GoToState", (string?)definition["StartAt"]);
        Assert.Equal("Parallel", (string?)definition["States"]!["GoToState"]!["Default"]);
        // The resume rule goes through a Pass that drops the flag and restores variables, then to Parallel 2.
        var entry = (string)definition["States"]!["GoToState"]!["Choices"]![0]!["Next"]!;
        Assert.Equal("Parallel 2", (string?)definition["States"]![entry]!["Next"]);
        Assert.True(AslParser.Parse(definition.ToJsonString()).IsValid);
    }

    [Fact]
    public async Task Plan_WithoutPatch_ResumeInputIsTheRecordedInputPlusTheFlag()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--output", "json", "--flag", "again");

        Assert.Equal(0, run.ExitCode);
        var expected = JsonNode.Parse("""
            {"Message":"Your message here","output":[{"Message":"Your message here"},{"Message":"Your message here"}],"again":true}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(run.Out)!["resumeInput"]));
    }

    [Fact]
    public async Task Plan_Text_ShowsPathErrorResumePointAndInput()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--patch", """{"foo":1}""", "--name", "ResumeFromStateExample");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/seed-plan.txt");
    }

    [Fact]
    public async Task Plan_Text_ManySkippedStates_ShowsTheFirstAndHowManyMore()
    {
        var history = RepoPaths.InRoot("tests", "SfnResume.Core.Tests", "testdata", "history", "gen-1000-iso.history.json");
        var definition = RepoPaths.InRoot("tests", "SfnResume.Resume.Tests", "testdata", "plans", "gen-1000.asl.json");

        var text = await CliRunner.RunAsync("plan", "--history", history, "--definition", definition);
        var json = await CliRunner.RunAsync("plan", "--history", history, "--definition", definition, "--output", "json");

        Assert.Equal(0, text.ExitCode);
        var skipped = JsonNode.Parse(json.Out)!["skipped"]!.AsArray().Select(k => (string)k!["state"]!).ToList();
        Assert.True(skipped.Count > 12, $"{skipped.Count} skipped");
        var line = text.Out.Split('\n').Single(l => l.StartsWith("Skips", StringComparison.Ordinal));
        Assert.Equal(
            $"Skips      {string.Join(", ", skipped.Take(10))} and {skipped.Count - 10} more ({skipped.Count} states; --output json lists them all)",
            line);
    }

    [Fact]
    public async Task Plan_Out_WritesDefinitionAndInputFiles()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--out", _temp);

        Assert.Equal(0, run.ExitCode);
        var definition = File.ReadAllText(Path.Combine(_temp, "resume-definition.json"));
        var parsed = AslParser.Parse(definition);
        Assert.True(parsed.IsValid);
        Assert.Equal("GoToState", parsed.Definition!.StartAt);
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp, "resume-input.json")))!;
        Assert.True((bool)input["resuming"]!);
    }

    [Fact]
    public async Task Plan_From_ResumesAtTheChosenTopLevelState()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--from", "Parallel", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("Parallel", (string?)json["resumeState"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Message":"Your message here","resuming":true}"""), json["resumeInput"]));
        Assert.Empty(json["skipped"]!.AsArray());
    }

    [Fact]
    public async Task Plan_TruncatedHistory_IsOneLineUserError()
    {
        var truncated = Path.Combine(_temp, "truncated.json");
        var text = File.ReadAllText(s_history);
        File.WriteAllText(truncated, text[..(text.Length / 2)]);

        var run = await CliRunner.RunAsync("plan", "--history", truncated, "--definition", s_definition);

        AssertUserError(run, "truncated.json");
    }

    [Fact]
    public async Task Plan_HistoryOverAMegabyte_IsReadThroughAMappingWithTheSameResult()
    {
        // Whitespace between the events makes the file large enough to be mapped; the history is the same.
        var large = Path.Combine(_temp, "large.json");
        File.WriteAllText(large, LargeHistoryText());
        Assert.True(new FileInfo(large).Length > 1 << 20);

        var expected = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--output", "json");
        var run = await CliRunner.RunAsync("plan", "--history", large, "--definition", s_definition, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.Out, run.Out);
        // Nothing keeps the file open once the command has returned.
        File.Delete(large);
        Assert.False(File.Exists(large));
    }

    [Fact]
    public async Task Plan_TruncatedLargeHistory_IsOneLineUserError()
    {
        var truncated = Path.Combine(_temp, "truncated-large.json");
        var text = LargeHistoryText();
        File.WriteAllText(truncated, text[..(text.Length - 300)]);

        var run = await CliRunner.RunAsync("plan", "--history", truncated, "--definition", s_definition);

        AssertUserError(run, "truncated-large.json");
    }

    [Fact]
    public async Task Plan_BadDefinitionAndLargeHistory_ReportsTheDefinition()
    {
        var large = Path.Combine(_temp, "large.json");
        File.WriteAllText(large, LargeHistoryText());
        var definition = Path.Combine(_temp, "bad.asl.json");
        File.WriteAllText(definition, "{");

        var run = await CliRunner.RunAsync("plan", "--history", large, "--definition", definition);

        AssertUserError(run, "bad.asl.json");
    }

    [Fact]
    public async Task Plan_CopyOverTheDefinitionSizeLimit_IsOneLineUserErrorAndWritesNothing()
    {
        // The original is just under CreateStateMachine's 1,048,576 characters; the copy's added states take it over.
        var definition = JsonNode.Parse(File.ReadAllText(s_definition))!.AsObject();
        definition["Comment"] = "";
        definition["Comment"] = new string('x', 1_048_500 - definition.ToJsonString().Length);
        var path = Path.Combine(_temp, "large.asl.json");
        File.WriteAllText(path, definition.ToJsonString());
        var outDir = Path.Combine(_temp, "out");

        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", path, "--out", outDir);

        AssertUserError(run, "over the 1,048,576 CreateStateMachine accepts");
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Plan_DirectoryGivenAsFile_SaysSo()
    {
        var history = await CliRunner.RunAsync("plan", "--history", _temp, "--definition", s_definition);
        var definition = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", _temp);

        AssertUserError(history, $"--history: cannot read '{_temp}': it is a directory");
        AssertUserError(definition, $"--definition: cannot read '{_temp}': it is a directory");
    }

    [Fact]
    public async Task Plan_MissingFile_IsOneLineUserError()
    {
        var run = await CliRunner.RunAsync("plan", "--history", Path.Combine(_temp, "nope.json"), "--definition", s_definition);

        AssertUserError(run, "--history");
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SucceededExecution_IsAUserErrorUnlessFromIsGiven()
    {
        var history = Path.Combine(_temp, "ok.json");
        File.WriteAllText(history, """
            {"events":[
            {"timestamp":1.7E9,"type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"{}","inputDetails":{"truncated":false}}},
            {"timestamp":1.7E9,"type":"PassStateEntered","id":2,"previousEventId":0,"stateEnteredEventDetails":{"name":"A","input":"{}"}},
            {"timestamp":1.7E9,"type":"PassStateExited","id":3,"previousEventId":2,"stateExitedEventDetails":{"name":"A","output":"{}"}},
            {"timestamp":1.7E9,"type":"ExecutionSucceeded","id":4,"previousEventId":3,"executionSucceededEventDetails":{"output":"{}"}}]}
            """);
        var definition = Path.Combine(_temp, "ok.asl.json");
        File.WriteAllText(definition, """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");

        var refused = await CliRunner.RunAsync("plan", "--history", history, "--definition", definition);
        var chosen = await CliRunner.RunAsync("plan", "--history", history, "--definition", definition, "--from", "A", "--output", "json");

        AssertUserError(refused, "succeeded");
        Assert.Equal(0, chosen.ExitCode);
        Assert.Equal("A", (string?)JsonNode.Parse(chosen.Out)!["resumeState"]);
        Assert.Null(JsonNode.Parse(chosen.Out)!["failure"]);
    }

    [Fact]
    public async Task Plan_UnknownFromState_IsAUserError()
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, "--from", "Nope");

        AssertUserError(run, "'Nope'");
    }

    [Fact]
    public async Task Plan_DefinitionNotMatchingHistory_IsAUserError()
    {
        var definition = Path.Combine(_temp, "other.asl.json");
        File.WriteAllText(definition, """{"StartAt":"Parallel","States":{"Parallel":{"Type":"Pass","End":true}}}""");

        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", definition);

        AssertUserError(run, "does not match");
    }

    [Fact]
    public async Task Plan_InvalidDefinition_NamesTheProblemAndWhere()
    {
        var definition = Path.Combine(_temp, "bad.asl.json");
        File.WriteAllText(definition, """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");

        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", definition);

        AssertUserError(run, "MISSING_TRANSITION_TARGET");
    }

    [Theory]
    [InlineData("missing-history")]
    [InlineData("truncated-history")]
    [InlineData("seed-history")]
    public async Task Plan_InvalidDefinition_IsReportedBeforeAnyHistoryOrPlanningProblem(string history)
    {
        // Valid JSON and a modelled machine, so the definition is planned against while it is validated; the
        // validation's problem still comes first, whatever the history or the plan would have said.
        var definition = Path.Combine(_temp, "bad.asl.json");
        File.WriteAllText(definition, """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"},"Parallel 2":{"Type":"Pass","End":true}}}""");
        var historyPath = history switch
        {
            "missing-history" => Path.Combine(_temp, "nope.json"),
            "truncated-history" => Path.Combine(_temp, "truncated.json"),
            _ => s_history,
        };
        if (history == "truncated-history")
        {
            File.WriteAllText(historyPath, File.ReadAllText(s_history)[..500]);
        }

        var run = await CliRunner.RunAsync("plan", "--history", historyPath, "--definition", definition);

        AssertUserError(run, "bad.asl.json': invalid definition: MISSING_TRANSITION_TARGET");
    }

    [Theory]
    [InlineData("--patch", "{not json")]
    [InlineData("--output", "yaml")]
    [InlineData("--flag", "a.b")]
    public async Task Plan_BadOption_IsAUserError(string option, string value)
    {
        var run = await CliRunner.RunAsync("plan", "--history", s_history, "--definition", s_definition, option, value);

        AssertUserError(run, "");
    }

    [Fact]
    public async Task Plan_Help_HasNotChanged()
    {
        var run = await CliRunner.RunAsync("plan", "--help");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/plan-help.txt");
    }

    /// <summary>
    /// The sample history over a megabyte, large enough to be read through a mapping: 1,200,000 spaces spread before
    /// its events' timestamps, the same history.
    /// </summary>
    private static string LargeHistoryText()
    {
        var parts = File.ReadAllText(s_history).Split("\"timestamp\"");
        Assert.True(parts.Length > 10, "every event of the sample has a timestamp");
        var pad = new string(' ', 1_200_000 / (parts.Length - 1));
        return string.Join(pad + "\"timestamp\"", parts);
    }

    private static void AssertUserError(CliRun run, string mention)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var line = run.Error.TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(mention, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }
}
