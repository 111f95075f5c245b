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
    public void WriteIndented_AnyPlan_IsTheIndentedResultObjectByteForByte(string definitionFile, string historyFile)
    {
        var definition = AslParser.Parse(File.ReadAllText(RepoPaths.InRoot(definitionFile.Split('/')))).Definition!;
        var history = ExecutionHistory.Parse(File.ReadAllBytes(RepoPaths.InRoot(historyFile.Split('/'))));
        var plan = ResumePlanner.Plan(definition, history, new ResumeOptions { Patch = JsonNode.Parse("""{"note":"é ü <tag> \u2028"}"""), StateMachineName = "Machine" });
        var copy = DefinitionRewriter.Apply(definition, plan);

        var output = new StringWriter();
        PlanJson.WriteIndented(output, plan, copy.Raw);
        var text = output.ToString();

        Assert.Equal(PlanJson.Indented(PlanJson.ToJson(plan, copy)) + Environment.NewLine, text);
        Assert.Contains("\"definition\": {", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWriterBufferWriter_TextFarBeyondOneChunk_KeepsMultiByteCharactersSplitAcrossChunks()
    {
        var value = string.Concat(Enumerable.Repeat("aé€😀", 40_000));
        var output = new StringWriter();
        var buffer = new TextWriterBufferWriter(output);

        // Raw, so every character goes through as UTF-8 (an encoder would escape the emoji).
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteRawValue("\"" + value + "\"", skipInputValidation: true);
        }

        buffer.Flush(final: true);

        Assert.Equal("\"" + value + "\"", output.ToString());
    }
}
