using System.Text.Json.Nodes;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Conformance;

public sealed class ConformanceCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-conformance-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Conformance_RecordedCases_PrintsCountsPerCategoryAndWritesTheReport()
    {
        var cases = Path.Combine(_temp, "cases");
        Directory.CreateDirectory(cases);
        var picked = Directory.GetFiles(RepoPaths.InShared("conformance", "cases"), "*.json")
            .Where(f => !Path.GetFileName(f).Contains("jsonata", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(12)
            .ToList();
        foreach (var file in picked)
        {
            File.Copy(file, Path.Combine(cases, Path.GetFileName(file)));
        }

        var report = Path.Combine(_temp, "report.json");

        var run = await CliRunner.RunAsync("conformance", "--cases", cases, "--report", report);

        var total = run.Out.Split('\n').Single(l => l.StartsWith("total: ", StringComparison.Ordinal));
        Assert.Matches(@"^total: \d+ passed, \d+ failed, \d+ skipped$", total);
        Assert.Equal(12, Sum(total));
        var failed = int.Parse(total.Split(", ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(failed == 0 ? 0 : 1, run.ExitCode);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(report)));
    }

    [Fact]
    public async Task Conformance_MissingFolder_IsAUserError()
    {
        var run = await CliRunner.RunAsync("conformance", "--cases", Path.Combine(_temp, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_MalformedCase_NamesTheFile()
    {
        var cases = Path.Combine(_temp, "bad");
        Directory.CreateDirectory(cases);
        File.WriteAllText(Path.Combine(cases, "broken.json"), """{"id": "x"}""");

        var run = await CliRunner.RunAsync("conformance", "--cases", cases);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.json", run.Error, StringComparison.Ordinal);
    }

    private static int Sum(string totalLine) =>
        totalLine.Split(' ', ',').Where(w => w.Length > 0 && w.All(char.IsAsciiDigit)).Sum(int.Parse);
}
