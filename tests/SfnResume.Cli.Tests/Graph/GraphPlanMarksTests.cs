using SfnResume.Cli.Commands.Graph;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Graph;
using SfnResume.Core.History;
using SfnResume.Resume;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Graph;

public sealed class GraphPlanMarksTests
{
    private static readonly string s_definition = RepoPaths.InRoot("tests", "SfnResume.Cli.Tests", "Graph", "testdata", "nested.asl.json");
    private static readonly string s_history = RepoPaths.InRoot("tests", "SfnResume.Core.Tests", "testdata", "history", "nested-parallel-map-parallel.history.json");

    [Fact]
    public void From_FailureInsideAMapInsideAParallel_ReusesTheBranchThatSucceeded()
    {
        var definition = InputLoader.LoadDefinition(s_definition);
        var history = InputLoader.LoadHistory(s_history);
        var timeline = ExecutionTimeline.Build(history);
        var plan = ResumePlanner.Plan(definition, history, new ResumeOptions());

        var marks = GraphPlanMarks.From(definition, timeline, plan);

        Assert.Equal(PlanMark.ResumeHere, marks["Outer"]);
        Assert.Equal(PlanMark.Reuse, marks["Outer/branch 1/Audit"]);
        Assert.Equal(PlanMark.RunAgain, marks["Outer/branch 0/Items"]);
        Assert.Equal(PlanMark.RunAgain, marks["Outer/branch 0/Items/item processor/Inner/branch 1/Right"]);
        Assert.Equal(6, marks.Count);
    }

    [Fact]
    public async Task Graph_NestedFailure_CountsIterationsAndVisits()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history);

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/nested.mmd");
        Assert.Contains("Outer<br/>1 of 2 branches failed", run.Out, StringComparison.Ordinal);
        Assert.Contains("Items<br/>1 of 2 iterations failed", run.Out, StringComparison.Ordinal);
        Assert.Contains("Right<br/>1 of 2 visits failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_NestedFailureWithPlan_MatchesGolden()
    {
        var run = await CliRunner.RunAsync("graph", "--definition", s_definition, "--history", s_history, "--plan");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/nested-plan.mmd");
        Assert.Contains("class s0 resumeHere", run.Out, StringComparison.Ordinal);
    }
}
