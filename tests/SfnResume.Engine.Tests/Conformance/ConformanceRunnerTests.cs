using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceRunnerTests
{
    private static readonly DateTimeOffset s_start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>An engine that answers with the recording itself: every case must pass.</summary>
    private static readonly IConformanceEngine s_replay = new DelegateConformanceEngine((request, _) =>
        Task.FromResult(ConformanceNormaliserCorpusTests.AsEngineResult(request.Case)));

    [Fact]
    public async Task RunAsync_EngineThatReplaysTheRecordings_PassesTheWholeCorpus()
    {
        var report = await new ConformanceRunner(s_replay, new ConformanceRunnerOptions { WallClock = new FakeTimeProvider(s_start) })
            .RunAsync(CorpusCases.All);

        var failures = report.Results.Where(r => r.Outcome != ConformanceOutcome.Passed).Select(r => $"{r.CaseId}: {r.Reason}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.Equal("total: 795 passed, 0 failed, 0 skipped", report.SummaryLines[^1]);
    }

    [Fact]
    public async Task RunAsync_EngineThrows_CaseFailsWithTheError()
    {
        var engine = new DelegateConformanceEngine((_, _) => throw new InvalidOperationException("state type Map not supported\nat ..."));

        var result = await new ConformanceRunner(engine).RunCaseAsync(CaseBuilder.Case(""" "expected_output": {} """));

        Assert.Equal(ConformanceOutcome.Failed, result.Outcome);
        Assert.Equal("engine error: InvalidOperationException: state type Map not supported", result.Reason);
        Assert.Equal("engine error: InvalidOperationException: state type Map not supported", result.FailureGroup);
    }

    [Fact]
    public async Task RunCaseAsync_EngineHangs_CaseTimesOut()
    {
        var wallClock = new FakeTimeProvider(s_start);
        var engine = new DelegateConformanceEngine(async (_, ct) =>
        {
            wallClock.Advance(TimeSpan.FromSeconds(6));
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new ConformanceExecution("SUCCEEDED", "{}", null, null, null);
        });
        var options = new ConformanceRunnerOptions { CaseTimeout = TimeSpan.FromSeconds(5), WallClock = wallClock };

        var result = await new ConformanceRunner(engine, options).RunCaseAsync(CaseBuilder.Case(""" "expected_output": {} """));

        Assert.Equal(ConformanceOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 5 s", result.Reason);
    }

    [Fact]
    public async Task RunCaseAsync_KnownDeviation_IsSkippedWithItsReason()
    {
        var c = CaseBuilder.Case(""" "expected_output": {} """, id: "needs-stop-execution");
        var options = new ConformanceRunnerOptions { Skips = new Dictionary<string, string> { ["needs-stop-execution"] = "needs StopExecution" } };

        var result = await new ConformanceRunner(s_replay, options).RunCaseAsync(c);

        Assert.Equal(ConformanceOutcome.Skipped, result.Outcome);
        Assert.Equal("needs StopExecution", result.Reason);
    }

    [Fact]
    public async Task RunCaseAsync_EngineWaits_VirtualClockMovesOnWithoutRealWaiting()
    {
        DateTimeOffset? after = null;
        string? input = null;
        var engine = new DelegateConformanceEngine(async (request, ct) =>
        {
            input = request.Input;
            await Task.Delay(TimeSpan.FromHours(1), request.Clock, ct);
            after = request.Clock.GetUtcNow();
            return new ConformanceExecution("SUCCEEDED", request.Input, null, null, null);
        });
        var c = ConformanceCaseLoader.Parse(
            """
            {"definition": {}, "input": "{\"at\": \"{{NOW+30s|%Y-%m-%dT%H:%M:%S}}Z\"}", "input_is_template": true,
             "expected_status": "SUCCEEDED", "expected_output": {"at": "<timestamp>"},
             "test_transformers": [{"kind": "RegexTransformer", "regex": "{{NOW+30s|%Y-%m-%dT%H:%M:%S}}Z", "replacement": "<timestamp>"}]}
            """,
            "wait.json");

        var result = await new ConformanceRunner(engine, new ConformanceRunnerOptions { VirtualStart = s_start, WallClock = new FakeTimeProvider(s_start) })
            .RunCaseAsync(c);

        Assert.Equal(ConformanceOutcome.Passed, result.Outcome);
        Assert.Equal("""{"at": "2025-03-01T08:00:30Z"}""", input);
        Assert.Equal(s_start.AddHours(1), after);
    }

    [Fact]
    public void CreateRequest_UsesRecordedNamesAccountAndRegion()
    {
        var c = CaseBuilder.Case(""" "expected_output": {} """) with { StateMachineType = "EXPRESS" };

        var request = new ConformanceRunner(s_replay).CreateRequest(c, new FastForwardTimeProvider(s_start));

        Assert.Equal("arn:aws:states:us-east-1:111111111111:stateMachine:statemachine_uid0001", request.StateMachineArn);
        Assert.Equal("arn:aws:states:us-east-1:111111111111:express:statemachine_uid0001:exec_0001", request.ExecutionArn);
    }

    [Fact]
    public async Task Report_CaseInSeveralCategories_CountsInEachAndOnceInTotal()
    {
        var passing = CaseBuilder.Case(""" "expected_output": {"a": 1} """, id: "ok") with { Categories = ["pass", "choice"] };
        var failing = CaseBuilder.Case(""" "expected_output": {"a": 2} """, id: "bad") with { Categories = ["choice"] };
        var engine = new DelegateConformanceEngine((_, _) => Task.FromResult(new ConformanceExecution("SUCCEEDED", """{"a": 1}""", null, null, null)));

        var report = await new ConformanceRunner(engine).RunAsync([passing, failing]);

        Assert.Equal(
            ["pass: 1 passed, 0 failed, 0 skipped", "choice: 1 passed, 1 failed, 0 skipped", "total: 1 passed, 1 failed, 0 skipped"],
            report.SummaryLines);
        var group = Assert.Single(report.FailureGroups);
        Assert.Equal("output at $.events[].executionSucceededEventDetails.output.a", group.Key);

        using var stream = new MemoryStream();
        report.WriteJson(stream);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal(1, json["total"]!["failed"]!.GetValue<int>());
        var failed = Assert.Single(json["cases"]!.AsArray());
        Assert.Equal("bad", failed!["id"]!.GetValue<string>());
        Assert.Equal("$.events[0].executionSucceededEventDetails.output.a", failed["mismatch"]!["path"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("categories").ValueKind);
    }
}
