using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Benchmarks;

/// <summary>
/// Planning and rewriting a resume of an inline Map of 10,000 items where the last three failed: the plan
/// reuses 9,997 recorded outputs and resumes three iterations. The history is built here in the shape AWS
/// writes (each MapIterationStarted points at MapStateStarted, each iteration's events at the previous one).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ResumeBenchmarks
{
    private const int Items = 10_000;
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:rare";

    private StateMachineDefinition _definition = null!;
    private ExecutionHistory _history = null!;
    private ExecutionTimeline _timeline = null!;
    private ResumePlan _plan = null!;
    private readonly ResumeOptions _options = new() { StateMachineName = "Items" };

    [GlobalSetup]
    public void Setup()
    {
        _definition = AslParser.Parse(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,"End":true,"ItemProcessor":{"StartAt":"R","States":{"R":{"Type":"Task","Resource":"FUNCTION","End":true}}}}}}"""
                .Replace("FUNCTION", Function, StringComparison.Ordinal))
            .Definition!;
        _history = ExecutionHistory.Parse(BuildHistory());
        _timeline = ExecutionTimeline.Build(_history);
        _plan = ResumePlanner.Plan(_definition, _timeline, _options);
        if (!_plan.Actions.Any(a => a.Path == "M/iteration 0..9996" && a.Action == ResumeAction.Reuse))
        {
            throw new InvalidOperationException("the generated history does not plan as expected: " + string.Join(", ", _plan.Actions.Select(a => a.Path)));
        }
    }

    [Benchmark]
    public ResumePlan PlanFromHistory() => ResumePlanner.Plan(_definition, _history, _options);

    [Benchmark]
    public ResumePlan PlanFromTimeline() => ResumePlanner.Plan(_definition, _timeline, _options);

    [Benchmark]
    public StateMachineDefinition Rewrite() => DefinitionRewriter.Apply(_definition, _plan);

    private static string BuildHistory()
    {
        var events = new StringBuilder("{\"events\":[");
        var id = 0;
        var input = "{\"items\":[" + string.Join(",", Enumerable.Range(0, Items)) + "]}";
        Add(events, ref id, 0, "ExecutionStarted", "executionStartedEventDetails", $$"""{"input":{{Quote(input)}},"roleArn":"arn:aws:iam::123456789012:role/R"}""");
        var entered = Add(events, ref id, 0, "MapStateEntered", "stateEnteredEventDetails", $$"""{"name":"M","input":{{Quote(input)}}}""");
        var started = Add(events, ref id, entered, "MapStateStarted", "mapStateStartedEventDetails", $$"""{"length":{{Items}}}""");
        var last = started;
        for (var i = 0; i < Items; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var fails = i >= Items - 3;
            var iteration = Add(events, ref id, started, "MapIterationStarted", "mapIterationStartedEventDetails", $$"""{"name":"M","index":{{n}}}""");
            var task = Add(events, ref id, iteration, "TaskStateEntered", "stateEnteredEventDetails", $$"""{"name":"R","input":"{{n}}"}""");
            var scheduled = Add(events, ref id, task, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", $$"""{"resource":"{{Function}}","input":"{{n}}"}""");
            var running = Add(events, ref id, scheduled, "LambdaFunctionStarted", null, null);
            if (fails)
            {
                var failed = Add(events, ref id, running, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", """{"error":"BadItem","cause":"item not handled"}""");
                last = Add(events, ref id, failed, "MapIterationFailed", "mapIterationFailedEventDetails", $$"""{"name":"M","index":{{n}}}""");
                continue;
            }

            var done = Add(events, ref id, running, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", $$"""{"output":"{{i * 2}}"}""");
            var exited = Add(events, ref id, done, "TaskStateExited", "stateExitedEventDetails", $$"""{"name":"R","output":"{{i * 2}}"}""");
            last = Add(events, ref id, exited, "MapIterationSucceeded", "mapIterationSucceededEventDetails", $$"""{"name":"M","index":{{n}}}""");
        }

        var mapFailed = Add(events, ref id, last, "MapStateFailed", null, null);
        Add(events, ref id, mapFailed, "ExecutionFailed", "executionFailedEventDetails", """{"error":"BadItem","cause":"item not handled"}""");
        events.Length--;
        return events.Append("]}").ToString();
    }

    private static int Add(StringBuilder events, ref int id, int previous, string type, string? member, string? details)
    {
        id++;
        events.Append(CultureInfo.InvariantCulture, $$"""{"timestamp":1700000000.0,"type":"{{type}}","id":{{id}},"previousEventId":{{previous}}""");
        if (member is not null)
        {
            events.Append(",\"").Append(member).Append("\":").Append(details);
        }

        events.Append("},");
        return id;
    }

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);
}
