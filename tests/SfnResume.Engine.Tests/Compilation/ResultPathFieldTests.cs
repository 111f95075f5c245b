using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Tests.Compilation;

public sealed class ResultPathFieldTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null]}""", """{"x":"y"}""", """{"a":1,"b":[true,null],"task":{"x":"y"}}""")]
    [InlineData("{}", "4", """{"task":4}""")]
    [InlineData("""{"a":"é\n"}""", "null", """{"a":"é\n","task":null}""")]
    public void Apply_NewTopLevelMember_TextIsInputTextWithTheMemberAppended(string input, string result, string expected)
    {
        var field = ResultPathField.Compile(OptionalPath.Of("$.task"));
        var raw = Payload.FromNode(JsonNode.Parse(input));
        _ = raw.Text;

        var output = field.Apply(raw, Payload.FromNode(JsonNode.Parse(result)));

        Assert.Equal(expected, output.Text);
        Assert.Equal(expected, CompactJson.Write(output.Node));
    }

    [Fact]
    public void Apply_ExistingMember_IsReplacedWhereItStands()
    {
        var field = ResultPathField.Compile(OptionalPath.Of("$.task"));
        var raw = Payload.FromNode(JsonNode.Parse("""{"task":1,"z":2}"""));
        _ = raw.Text;

        var output = field.Apply(raw, Payload.FromNode(JsonValue.Create(3)));

        Assert.Equal("""{"task":3,"z":2}""", output.Text);
    }

    [Fact]
    public void Apply_InputTextWithCallerSpacing_IsWrittenAgainCompact()
    {
        var field = ResultPathField.Compile(OptionalPath.Of("$.task"));
        const string Spaced = """{ "a" : 1 }""";
        var raw = Payload.FromNode(JsonNode.Parse(Spaced), Spaced, shared: false);

        var output = field.Apply(raw, Payload.FromNode(JsonNode.Parse("""{"b" : 2}"""), """{"b" : 2}""", shared: false));

        Assert.Equal("""{"a":1,"task":{"b":2}}""", output.Text);
    }

    [Theory]
    [InlineData("$.a.b", """{"a":{"b":9}}""")]
    [InlineData("$['a b']", """{"a b":9}""")]
    [InlineData("$.a1_", """{"a1_":9}""")]
    public void Apply_OtherReferencePaths_WriteTheWholeOutput(string path, string expected)
    {
        var raw = Payload.FromNode(new JsonObject());
        _ = raw.Text;

        var output = ResultPathField.Compile(OptionalPath.Of(path)).Apply(raw, Payload.FromNode(JsonValue.Create(9)));

        Assert.Equal(expected, output.Text);
    }
}
