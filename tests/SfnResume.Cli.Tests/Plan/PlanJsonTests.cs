using System.Text.Json.Nodes;
using SfnResume.Cli.Commands.Plan;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Plan;

public sealed class PlanJsonTests
{
    [Theory]
    [InlineData("samples/resume-from-state/definition.asl.json", "samples/resume-from-state/sample_execution_history.json")]
    [InlineData("tests/SfnResume.Resume.Tests/testdata/plans/nested-parallel-map-parallel.asl.json", "tests/SfnResume.Core.Tests/testdata/history/nested-parallel-map-parallel.history.json")]
    public void IndentedText_AnyPlan_IsTheIndentedResultObjectByteForByte(string definitionFile, string historyFile)
    {
        var definition = AslParser.Parse(File.ReadAllText(RepoPaths.InRoot(definitionFile.Split('/')))).Definition!;
        var history = ExecutionHistory.Parse(File.ReadAllBytes(RepoPaths.InRoot(historyFile.Split('/'))));
        var plan = ResumePlanner.Plan(definition, history, new ResumeOptions { Patch = JsonNode.Parse("""{"note":"é ü <tag> \u2028"}"""), StateMachineName = "Machine" });
        var copy = DefinitionRewriter.Apply(definition, plan);

        var text = PlanJson.IndentedText(plan, copy);

        Assert.Equal(PlanJson.Indented(PlanJson.ToJson(plan, copy)), text);
        Assert.Contains("\"definition\": {", text, StringComparison.Ordinal);
    }
}
