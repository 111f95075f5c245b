using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.History;

/// <summary>
/// Every history recorded against AWS in the conformance corpus: read it, build the timeline and check it against
/// what was recorded (status, error, one visit per Entered event, every event placed).
/// </summary>
public sealed class CorpusTimelineTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepoPaths.InShared("conformance", "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            // Cases whose Parallel blocks had their ids reset when recorded cannot be chained by previousEventId.
            if (root.GetProperty("expected_events").ValueKind == JsonValueKind.Array
                && root.GetProperty("has_full_history").GetBoolean()
                && !(root.TryGetProperty("parallel_events_normalised", out var p) && p.ValueKind == JsonValueKind.True))
            {
                data.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return data;
    }

    [Fact]
    public void Cases_AreFound()
    {
        Assert.True(Cases().Count > 300);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_RecordedHistory_MatchesTheRecordedOutcome(string caseId)
    {
        var root = JsonNode.Parse(File.ReadAllBytes(RepoPaths.InShared("conformance", "cases", caseId + ".json")))!;
        var events = root["expected_events"]!.AsArray();
        foreach (var e in events)
        {
            // Timestamps were masked when recorded; give them distinct instants.
            e!["timestamp"] = 1717236000m + (e["id"]!.GetValue<long>() / 1000m);
        }

        var history = ExecutionHistory.Parse(new JsonObject { ["events"] = events.DeepClone() }.ToJsonString());
        var timeline = ExecutionTimeline.Build(history);

        var expectedStatus = root["expected_status"]!.GetValue<string>() switch
        {
            "SUCCEEDED" => ExecutionStatus.Succeeded,
            "FAILED" => ExecutionStatus.Failed,
            "ABORTED" => ExecutionStatus.Aborted,
            "TIMED_OUT" => ExecutionStatus.TimedOut,
            _ => ExecutionStatus.Running,
        };
        Assert.Equal(expectedStatus, timeline.Status);

        var entered = history.Events.Where(e => e.StateEnteredEventDetails is not null).ToList();
        var visits = timeline.AllVisits().ToList();
        Assert.Equal(entered.Select(e => e.Id).Order(), visits.Select(v => v.Entered.Id).Order());
        foreach (var e in history.Events.Where(e => !e.TypeName.StartsWith("Execution", StringComparison.Ordinal)))
        {
            Assert.True(timeline.VisitOf(e.Id) is { } v && v.Events.Contains(e), $"event {e.Id} {e.Type} is placed under no visit");
        }

        Assert.DoesNotContain(visits, v => expectedStatus != ExecutionStatus.Running && v.Status == VisitStatus.NotFinished);
        if (expectedStatus == ExecutionStatus.Succeeded)
        {
            Assert.All(timeline.Visits, v => Assert.Contains(v.Status, new[] { VisitStatus.Succeeded, VisitStatus.Caught }));
            Assert.Null(timeline.FailedVisit);
        }

        if (expectedStatus == ExecutionStatus.Failed)
        {
            Assert.Equal(root["expected_error"]?.GetValue<string>(), timeline.Error);
            var failed = timeline.FailedVisit;
            Assert.NotNull(failed);
            Assert.Equal(VisitStatus.Failed, failed.Status);
            Assert.All(timeline.FailurePath, v => Assert.Equal(VisitStatus.Failed, v.Status));
            Assert.Null(failed.Exited);
        }
    }
}
