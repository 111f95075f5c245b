using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Core.History;
using SfnResume.Engine;
using Xunit.Abstractions;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>
/// Measures planning the 10,000-item Map with three failed items (a Stopwatch loop; the figures go to the test
/// output, not into assertions, since timing depends on the machine). Run with
/// <c>--logger "console;verbosity=detailed"</c> to see them.
/// </summary>
public sealed class PlanningMeasurementTests(ITestOutputHelper output)
{
    private const int Rounds = 21;

    [Fact]
    public async Task Plan_TenThousandItemMap_MedianTimeIsReported()
    {
        var scenario = Catalog.All().Single(s => s.Name == "map-10000-items-3-failures");
        var definition = ScenarioRunner.Parse(scenario.Definition);
        var engine = new StepFunctionsEngine(new EngineOptions
        {
            LambdaInvoker = new Lambdas(fixedHandlers: false).Invoker(),
            FastForward = true,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)),
            MaxHistoryEvents = null,
        });
        var failed = await engine.RunAsync(engine.Compile(definition), new ExecutionRequest("arn:aws:states:us-east-1:123456789012:stateMachine:S", "f", scenario.Input));
        var history = ExecutionHistory.FromEvents(failed.Events);
        var timeline = ExecutionTimeline.Build(history);
        var options = new ResumeOptions { StateMachineName = "Scenario" };

        var fromHistory = Measure(() => ResumePlanner.Plan(definition, history, options));
        var fromTimeline = Measure(() => ResumePlanner.Plan(definition, timeline, options));
        var plan = ResumePlanner.Plan(definition, timeline, options);
        var apply = Measure(() => DefinitionRewriter.Apply(definition, plan));

        output.WriteLine($"history: {history.Count} events; rounds: {Rounds}");
        output.WriteLine($"Plan(definition, history)  median {fromHistory:F1} ms (timeline built inside)");
        output.WriteLine($"Plan(definition, timeline) median {fromTimeline:F1} ms");
        output.WriteLine($"DefinitionRewriter.Apply   median {apply:F1} ms");
        Assert.Contains(plan.Actions, a => a.Path == "M/iteration 0..9996" && a.Action == ResumeAction.Reuse);
        Assert.Contains(plan.Actions, a => a.Path == "M/iteration 9997/R" && a.Action == ResumeAction.ResumeHere);
        Assert.DoesNotContain(plan.Actions, a => a.Action == ResumeAction.Reuse && a.Path != "M/iteration 0..9996");
    }

    private static double Measure(Func<object> action)
    {
        action();
        var times = new double[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Rounds / 2];
    }
}
