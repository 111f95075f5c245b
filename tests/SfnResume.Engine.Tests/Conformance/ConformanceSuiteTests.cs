using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceSuiteTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sfn-conformance-" + Guid.NewGuid().ToString("N"));

    public ConformanceSuiteTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunFolderAsync_UsersOwnRecordings_RunOnTheEngine()
    {
        File.WriteAllText(Path.Combine(_folder, "greet.json"), """
            {"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"hello": "world"}, "End": true}}},
             "input": "{}", "expected_status": "SUCCEEDED", "expected_output": {"hello": "world"}, "categories": ["mine"]}
            """);
        File.WriteAllText(Path.Combine(_folder, "wrong.json"), """
            {"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
             "input": "{\"a\": 1}", "expected_status": "SUCCEEDED", "expected_output": {"a": 2}, "categories": ["mine"]}
            """);

        var report = await ConformanceSuite.RunFolderAsync(_folder);

        Assert.Equal(["mine: 1 passed, 1 failed, 0 skipped", "total: 1 passed, 1 failed, 0 skipped"], report.SummaryLines);
        var failed = Assert.Single(report.Results, r => r.Outcome == ConformanceOutcome.Failed);
        Assert.Equal("wrong", failed.CaseId);
        Assert.Equal("$.events[0].executionSucceededEventDetails.output.a", failed.Mismatch!.Path);
    }

    [Fact]
    public async Task RunFolderAsync_Filter_RunsOnlyTheSelectedCases()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), """
            {"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
             "input": "{}", "expected_status": "SUCCEEDED", "expected_output": {}, "categories": ["pass"]}
            """);
        File.WriteAllText(Path.Combine(_folder, "b.json"), """
            {"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
             "input": "{}", "expected_status": "SUCCEEDED", "expected_output": {}, "categories": ["choice"]}
            """);

        var report = await ConformanceSuite.RunFolderAsync(_folder, filter: c => c.Categories.Contains("choice"));

        Assert.Equal("b", Assert.Single(report.Results).CaseId);
    }

    [Fact]
    public async Task RunFolderAsync_MalformedCase_FailsWithOneLineNamingFileAndField()
    {
        string file = Path.Combine(_folder, "broken.json");
        File.WriteAllText(file, """{"definition": {"StartAt": "P"}, "expected_status": "SUCCEEDED"}""");

        var e = await Assert.ThrowsAsync<ConformanceCaseException>(() => ConformanceSuite.RunFolderAsync(_folder));

        Assert.Equal($"{file}: field 'input' is required (a string)", e.Message);
    }
}
