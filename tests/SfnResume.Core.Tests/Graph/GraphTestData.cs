using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.Graph;

/// <summary>Definitions and histories the picture tests draw: the seed sample, corpus cases, workloads.</summary>
internal static class GraphTestData
{
    public static StateMachineDefinition Definition(string json)
    {
        var parsed = AslParser.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Diagnostics));
        return parsed.Definition!;
    }

    public static StateMachineDefinition SeedDefinition() =>
        Definition(File.ReadAllText(RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json")));

    public static ExecutionTimeline SeedTimeline() =>
        ExecutionTimeline.Build(ExecutionHistory.Parse(File.ReadAllBytes(RepoPaths.InRoot("samples", "resume-from-state", "sample_execution_history.json"))));

    public static StateMachineDefinition Workload(string name) =>
        Definition(File.ReadAllText(RepoPaths.InShared("workloads", name + ".asl.json")));

    /// <summary>A conformance case's definition and its history as AWS recorded it.</summary>
    public static (StateMachineDefinition Definition, ExecutionTimeline Timeline) CorpusCase(string caseId)
    {
        var root = JsonNode.Parse(File.ReadAllBytes(RepoPaths.InShared("conformance", "cases", caseId + ".json")))!;
        var events = root["expected_events"]!.AsArray();
        foreach (var e in events)
        {
            // Timestamps were masked when recorded; the reader needs instants.
            e!["timestamp"] = 1717236000m + (e["id"]!.GetValue<long>() / 1000m);
        }

        var history = ExecutionHistory.Parse(new JsonObject { ["events"] = events.DeepClone() }.ToJsonString());
        return (Definition(root["definition"]!.ToJsonString()), ExecutionTimeline.Build(history));
    }
}
