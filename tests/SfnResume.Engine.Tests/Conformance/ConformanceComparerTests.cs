using System.Text.Json.Nodes;
using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceComparerTests
{
    private static NormalisedExecution Succeeded(string outputJson, string? eventsJson = null) =>
        new("SUCCEEDED", JsonNode.Parse(outputJson), true, null, null, eventsJson is null ? null : JsonNode.Parse(eventsJson)!.AsArray());

    [Fact]
    public void Compare_SameResult_NoMismatch()
    {
        var c = CaseBuilder.Case(""" "expected_output": {"a": [1, {"b": "x"}], "c": 2.0} """);

        Assert.Null(ConformanceComparer.Compare(c, Succeeded("""{"c": 2, "a": [1, {"b": "x"}]}""")));
    }

    [Fact]
    public void Compare_DifferentNestedValue_ReportsPathAndBothValues()
    {
        var c = CaseBuilder.Case(""" "expected_output": {"a": [1, {"b": "x"}]} """);

        var mismatch = ConformanceComparer.Compare(c, Succeeded("""{"a": [1, {"b": "y"}]}"""));

        Assert.Equal(new ConformanceMismatch("output", "$.events[0].executionSucceededEventDetails.output.a[1].b", "\"x\"", "\"y\""), mismatch);
    }

    [Fact]
    public void Compare_StatusDiffers_ShowsTheEnginesError()
    {
        var c = CaseBuilder.Case(""" "expected_output": {} """);
        var actual = new NormalisedExecution("FAILED", null, false, "States.Runtime", JsonValue.Create("boom"), null);

        var mismatch = ConformanceComparer.Compare(c, actual);

        Assert.Equal("status differs at $.status: expected SUCCEEDED, actual FAILED (States.Runtime: \"boom\")", mismatch!.ToString());
    }

    [Fact]
    public void Compare_PlaceholdersNumberedDifferently_MatchWhenConsistent()
    {
        var c = CaseBuilder.Case(""" "expected_output": {"a": "<uuid:3>", "b": "id <uuid:3>", "c": "<uuid:4>"} """);

        Assert.Null(ConformanceComparer.Compare(c, Succeeded("""{"a": "<uuid:1>", "b": "id <uuid:1>", "c": "<uuid:2>"}""")));
        Assert.NotNull(ConformanceComparer.Compare(c, Succeeded("""{"a": "<uuid:1>", "b": "id <uuid:2>", "c": "<uuid:2>"}""")));
        Assert.NotNull(ConformanceComparer.Compare(c, Succeeded("""{"a": "<uuid:1>", "b": "id <uuid:1>", "c": "<uuid:1>"}""")));
    }

    [Fact]
    public void Compare_FailedExecution_ComparesErrorAndCause()
    {
        var c = CaseBuilder.Case(""" "expected_error": "States.TaskFailed", "expected_cause": null """, status: "FAILED");

        Assert.Null(ConformanceComparer.Compare(c, new NormalisedExecution("FAILED", null, false, "States.TaskFailed", null, null)));
        var mismatch = ConformanceComparer.Compare(c, new NormalisedExecution("FAILED", null, false, "States.TaskFailed", JsonValue.Create("why"), null));
        Assert.Equal("cause", mismatch!.Aspect);
        Assert.Equal("(absent)", mismatch.Expected);
    }

    [Fact]
    public void Compare_MissingEvent_ReportsWhereTheHistoriesPart()
    {
        var c = CaseBuilder.Case("""
            "expected_output": {},
            "expected_events": [{"id": 1, "type": "ExecutionStarted"}, {"id": 2, "type": "PassStateEntered", "stateEnteredEventDetails": {"name": "P"}}]
            """);

        var mismatch = ConformanceComparer.Compare(c, Succeeded("{}", """[{"id": 1, "type": "ExecutionStarted"}]"""));

        Assert.Equal(new ConformanceMismatch("events", "$.events[1]", "PassStateEntered 'P' (2 events)", "end of history (1 events)"), mismatch);
    }

    [Fact]
    public void Compare_ParallelBlockInOtherOrder_MatchesAsMultiset()
    {
        const string start = """{"id": 5, "type": "ParallelStateStarted"}""";
        var c = CaseBuilder.Case($$"""
            "parallel_events_normalised": true,
            "expected_output": {},
            "expected_events": [{{start}}, {"id": [0], "type": "PassStateEntered", "n": "a"}, {"id": [0], "type": "PassStateEntered", "n": "b"}, {"id": 9, "type": "ParallelStateExited"}]
            """);

        Assert.Null(ConformanceComparer.Compare(c, Succeeded("{}", $$"""
            [{{start}}, {"id": [0], "type": "PassStateEntered", "n": "b"}, {"id": [0], "type": "PassStateEntered", "n": "a"}, {"id": 9, "type": "ParallelStateExited"}]
            """)));
        var mismatch = ConformanceComparer.Compare(c, Succeeded("{}", $$"""
            [{{start}}, {"id": [0], "type": "PassStateEntered", "n": "b"}, {"id": [0], "type": "PassStateEntered", "n": "c"}, {"id": 9, "type": "ParallelStateExited"}]
            """));
        Assert.Equal("$.events[1].n", mismatch!.Path);
    }

    [Fact]
    public void Compare_SkipVerifyPath_IsLeftOutUnlessDisabled()
    {
        var c = CaseBuilder.Case("""
            "expected_output": {},
            "localstack_skip_verify_paths": ["$..events[1].previousEventId"],
            "expected_events": [{"id": 1, "previousEventId": 0, "type": "A"}, {"id": 2, "previousEventId": 1, "type": "B"}]
            """);
        var actual = Succeeded("{}", """[{"id": 1, "previousEventId": 0, "type": "A"}, {"id": 2, "previousEventId": 0, "type": "B"}]""");

        Assert.Null(ConformanceComparer.Compare(c, actual));
        Assert.Equal("$.events[1].previousEventId", ConformanceComparer.Compare(c, actual, new ComparisonOptions { HonourSkipVerifyPaths = false })!.Path);
    }

    [Fact]
    public void Compare_LongValues_AreShortened()
    {
        string longText = new('x', 1000);
        var c = CaseBuilder.Case($$""" "expected_output": {"a": "{{longText}}"} """);

        var mismatch = ConformanceComparer.Compare(c, Succeeded("""{"a": "y"}"""));

        Assert.True(mismatch!.Expected.Length <= ConformanceMismatch.MaxValueLength);
        Assert.Contains(" ... ", mismatch.Expected, StringComparison.Ordinal);
    }
}
