using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Engine;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>
/// Every scenario: run until it fails, plan, run the copy with the resume input, run the repaired workflow clean.
/// The resumed run must end with the clean run's output and do exactly the work the failed run had not finished:
/// for every state path and every Lambda call (function and input), what the failed run completed plus what the
/// resumed run did equals what the clean run did. Started without the flag, the copy gives the clean run's output.
/// </summary>
public sealed class ResumeScenarioTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in Catalog.All())
        {
            data.Add(scenario.Name);
        }

        return data;
    }

    [Fact]
    public void Catalog_HasAtLeastThirtyDistinctScenarios()
    {
        var names = Catalog.All().Select(s => s.Name).ToList();

        Assert.True(names.Count >= 30, $"{names.Count} scenarios");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Resume_Scenario_MatchesCleanRunAndRepeatsNothingThatSucceeded(string name)
    {
        var scenario = Catalog.All().Single(s => s.Name == name);

        var outcome = await ScenarioRunner.RunAsync(scenario);

        Assert.Equal(ExecutionResult.Failed, outcome.Failed.Status);
        Assert.True(outcome.Clean.Status == ExecutionResult.Succeeded, $"clean run: {outcome.Clean.Error} {outcome.Clean.Cause}");
        Assert.True(outcome.Resumed.Status == ExecutionResult.Succeeded, $"resumed run: {outcome.Resumed.Error} {outcome.Resumed.Cause}");
        AssertSameJson(outcome.Clean.Output!, outcome.Resumed.Output!);
        Assert.True(outcome.CopyUnflagged!.Status == ExecutionResult.Succeeded, $"copy without the flag: {outcome.CopyUnflagged.Error} {outcome.CopyUnflagged.Cause}");
        AssertSameJson(outcome.Clean.Output!, outcome.CopyUnflagged.Output!);
        Assert.DoesNotContain(AslValidator.Validate(outcome.Copy), d => d.IsError);
        AssertOnlyUnfinishedWorkRepeated(
            Completed(outcome.Failed.Events, outcome.Clean.Events, outcome.Copy),
            Counts(outcome.Resumed.Events, outcome.Copy),
            Counts(outcome.Clean.Events, ScenarioRunner.Parse(scenario.FixedDefinition ?? scenario.Definition)),
            "state entries");
        var clean = outcome.CleanLambdas.SucceededCalls();
        AssertOnlyUnfinishedWorkRepeated(
            outcome.FailedLambdas.SucceededCalls(key => clean.ContainsKey(key) ? key : Lambdas.WithPatch(key, scenario.PatchNode)),
            outcome.ResumedLambdas.SucceededCalls(),
            clean,
            "successful Lambda calls");
        Assert.True(outcome.ResumedLambdas.FailedCallCount <= outcome.CleanLambdas.FailedCallCount, "the resumed run made more failing calls than a clean run");
    }

    internal static void AssertSameJson(string expected, string actual)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {Cut(expected)}\nactual   {Cut(actual)}");
    }

    /// <summary>For every key: what the resumed run did plus what the failed run had completed (at most what a clean run needs) is what the clean run did.</summary>
    private static void AssertOnlyUnfinishedWorkRepeated(Dictionary<string, int> completed, Dictionary<string, int> resumed, Dictionary<string, int> clean, string what)
    {
        var problems = new List<string>();
        foreach (var key in clean.Keys.Union(resumed.Keys))
        {
            var done = Math.Min(completed.GetValueOrDefault(key), clean.GetValueOrDefault(key));
            if (resumed.GetValueOrDefault(key) + done != clean.GetValueOrDefault(key))
            {
                problems.Add($"{Cut(key)}: failed run completed {completed.GetValueOrDefault(key)}, resumed run {resumed.GetValueOrDefault(key)}, clean run {clean.GetValueOrDefault(key)}");
            }
        }

        Assert.True(problems.Count == 0, what + ":\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>Visits per place, skipping the states the copy added; branches by index, iterations by item index.</summary>
    private static Dictionary<string, int> Counts(IReadOnlyList<HistoryEvent> events, StateMachineDefinition definition, Func<StateVisit, bool>? include = null)
    {
        var timeline = ExecutionTimeline.Build(ExecutionHistory.FromEvents(events));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var visit in timeline.AllVisits())
        {
            if (visit.Name.StartsWith(DefinitionRewriter.DefaultChoiceStateName, StringComparison.Ordinal) || (include is not null && !include(visit)))
            {
                continue;
            }

            var key = Place(visit, definition);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>
    /// What the failed run finished: succeeded visits, and caught ones where the clean run catches there too (a
    /// caught failure that the repair removes is not finished work).
    /// </summary>
    private static Dictionary<string, int> Completed(IReadOnlyList<HistoryEvent> failed, IReadOnlyList<HistoryEvent> clean, StateMachineDefinition definition)
    {
        var cleanCaught = Counts(clean, definition, v => v.Status == VisitStatus.Caught);
        var result = Counts(failed, definition, v => v.Status == VisitStatus.Succeeded);
        foreach (var (key, count) in Counts(failed, definition, v => v.Status == VisitStatus.Caught))
        {
            result[key] = result.GetValueOrDefault(key) + Math.Min(count, cleanCaught.GetValueOrDefault(key));
        }

        return result;
    }

    private static string Place(StateVisit visit, StateMachineDefinition definition)
    {
        var prefix = visit.Parent is null ? "" : Place(visit.Parent, definition) + "/" + visit.Scope switch
        {
            MapIteration iteration => iteration.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ParallelBranch branch => "branch " + BranchIndex(definition, visit.Parent.Name, branch.FirstStateName),
            _ => "?",
        } + "/";
        return prefix + visit.Name;
    }

    private static int BranchIndex(StateMachineDefinition definition, string parallel, string firstState)
    {
        var branches = ((ParallelState)definition.FindState(parallel)!).Branches;
        for (var i = 0; i < branches.Length; i++)
        {
            if (branches[i].StartAt == firstState || branches[i].States.Any(s => s.Name == firstState))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
