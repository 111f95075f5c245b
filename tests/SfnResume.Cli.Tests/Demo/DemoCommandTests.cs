using System.Text.RegularExpressions;

namespace SfnResume.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_TellsTheTutorialEndToEnd_AndExitsZero()
    {
        var run = await CliRunner.RunAsync("demo");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("Execution first-try FAILED", run.Out);
        Assert.Contains("error: Lambda.Unknown", run.Out);
        Assert.Contains("Resume at  Parallel 2", run.Out);
        Assert.Contains("Execution first-try-resume SUCCEEDED", run.Out);
        Assert.Matches(new Regex(@"'Parallel' entered\s+1\s+0"), run.Out);
        Assert.Matches(new Regex(@"'Parallel Step 1, Process 1' entered\s+1\s+0"), run.Out);
        Assert.Matches(new Regex(@"'Final Processing' entered\s+0\s+1"), run.Out);
        Assert.Contains("without running the first Parallel state or its two Lambda calls again", run.Out);
        Assert.Contains("sfn-resume resume ResumeFromStateExample:first-try --patch '{\"foo\":1}' --start --state-dir", run.Out);
        var picture = Regex.Match(run.Out, @"Picture (\S+resume-graph\.mmd)").Groups[1].Value;
        Assert.True(File.Exists(picture), "the printed picture path exists: " + picture);
        var mermaid = File.ReadAllText(picture);
        Assert.StartsWith("flowchart TD", mermaid, StringComparison.Ordinal);
        Assert.Contains("resumeHere", mermaid, StringComparison.Ordinal);
        Assert.Equal([picture], Directory.GetFileSystemEntries(Path.GetDirectoryName(picture)!));
        Directory.Delete(Path.GetDirectoryName(picture)!, recursive: true);
    }
}
