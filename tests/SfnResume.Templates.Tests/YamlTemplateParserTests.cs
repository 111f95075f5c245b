using System.Text.Json.Nodes;
using SfnResume.Templates.Parsing;

namespace SfnResume.Templates.Tests;

public sealed class YamlTemplateParserTests
{
    private static JsonNode? Parse(string yaml) => TemplateTextParser.Parse(yaml, "Template");

    [Fact]
    public void Parse_PlainScalars_GetJsonTypes()
    {
        var node = Parse("a: 3\nb: 2.5\nc: true\nd: ~\ne: 2010-09-09\nf: '3'\ng: 0123\nh: text\n")!;

        Assert.Equal("""{"a":3,"b":2.5,"c":true,"d":null,"e":"2010-09-09","f":"3","g":"0123","h":"text"}""", node.ToJsonString());
    }

    [Fact]
    public void Parse_ShortFormTags_BecomeLongForms()
    {
        var node = Parse("a: !GetAtt Api.RootResource.Id\nb: !Ref X\nc: !Sub [x, {}]\nd: !Condition C\ne: !GetAtt [A, Arn]\n")!;

        Assert.Equal(
            """{"a":{"Fn::GetAtt":["Api","RootResource.Id"]},"b":{"Ref":"X"},"c":{"Fn::Sub":["x",{}]},"d":{"Condition":"C"},"e":{"Fn::GetAtt":["A","Arn"]}}""",
            node.ToJsonString());
    }

    [Fact]
    public void Parse_StandardTagsAndMergeKey_AreHonoured()
    {
        var node = Parse("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\nd: !!str 42\n")!;

        Assert.Equal("""{"x":1,"y":3}""", node["c"]!.ToJsonString());
        Assert.Equal("42", (string?)node["d"]);
    }

    [Fact]
    public void Parse_TwoDocuments_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Parse("a: 1\n---\nb: 2\n"));

        Assert.Equal("Template holds more than one YAML document (second one at line 2).", error.Message);
    }
}
