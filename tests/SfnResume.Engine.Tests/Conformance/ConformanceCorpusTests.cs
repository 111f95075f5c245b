using SfnResume.Engine.Conformance;
using Xunit.Abstractions;

namespace SfnResume.Engine.Tests.Conformance;

/// <summary>Runs the AWS-recorded corpus through the engine and guards the pass count.</summary>
public sealed class ConformanceCorpusTests(ITestOutputHelper output)
{
    /// <summary>Cases that passed when this floor was last raised. It may only go up.</summary>
    private const int PassFloor = 793;

    [Fact]
    public async Task RunAsync_RecordedCorpus_PassesAtLeastTheFloor()
    {
        var runner = new ConformanceRunner(
            new StepFunctionsConformanceEngine(ConformanceLambdaStandIns.InvokerFor),
            new ConformanceRunnerOptions { Skips = KnownDeviations.Skips });

        var report = await runner.RunAsync(CorpusCases.All);

        output.WriteLine(report.FormatSummary());
        output.WriteLine("Largest failure groups:");
        output.WriteLine(report.FormatFailureGroups(25));
        string reportPath = Path.Combine(AppContext.BaseDirectory, "conformance-report.json");
        report.WriteJson(reportPath);
        output.WriteLine("Report: " + reportPath);
        Assert.True(
            report.Total.Passed >= PassFloor,
            $"{report.Total.Passed} cases passed, fewer than the floor of {PassFloor}.\n{report.FormatSummary()}");
    }
}
