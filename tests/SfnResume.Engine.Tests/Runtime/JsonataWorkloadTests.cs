using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tests.Support;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Runtime;

/// <summary>The choice-loop workload written in JSONata (testdata/workloads) gives the JSONPath form's output and counts.</summary>
public sealed class JsonataWorkloadTests
{
    [Fact]
    public async Task RunAsync_ChoiceLoopInJsonata_MatchesTheJsonPathWorkload()
    {
        var workload = Workload.Load("choice-loop-10000");
        var definition = File.ReadAllText(RepoPaths.InRoot("tests", "SfnResume.Engine.Tests", "testdata", "workloads", "choice-loop-10000-jsonata.asl.json"));
        var harness = new EngineHarness(configure: workload.Configure);

        var result = await harness.RunAsync(definition, workload.Input);

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.True(JsonNode.DeepEquals(workload.Expected, JsonNode.Parse(result.Output!)), "output differs from choice-loop-10000.expected.json");
        Assert.Equal(workload.StatesEntered, result.StatesEntered);
        var lastPass = result.Events.Last(e => e.Type == HistoryEventType.PassStateExited);
        Assert.Equal("""{"i":10000,"limit":10000}""", lastPass.StateExitedEventDetails!.Output);
        Assert.Null(lastPass.StateExitedEventDetails.AssignedVariables);
    }
}
