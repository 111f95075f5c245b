using System.Text.Json.Nodes;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Tests.Runtime;

public sealed class CompactJsonTests
{
    [Theory]
    [InlineData("""{ "a" : "plain" }""", """{"a":"plain"}""")]
    [InlineData("""{"a": "say \"hi\"", "b": "back\\slash"}""", """{"a":"say \"hi\"","b":"back\\slash"}""")]
    [InlineData("""{"a": "\u00e9t\u00e9", "b": "été", "c": "\u003c\u0026\u003e"}""", """{"a":"été","b":"été","c":"<&>"}""")]
    [InlineData("""{"a": "line\nbreak\ttab", "b": "\u0001"}""", """{"a":"line\nbreak\ttab","b":"\u0001"}""")]
    [InlineData("""{"n": [1.50, -0, 1e3, 12345678901234567890]}""", """{"n":[1.50,-0,1e3,12345678901234567890]}""")]
    public void Write_ValuesReadFromText_WritesThemCompactWithOnlyRequiredEscapes(string text, string expected)
    {
        Assert.Equal(expected, CompactJson.Write(JsonNode.Parse(text)));
    }

    [Fact]
    public void Write_ClrBackedValues_WritesEachKindInInvariantForm()
    {
        var node = new JsonObject
        {
            ["int"] = -42,
            ["long"] = long.MinValue,
            ["bool"] = true,
            ["text"] = "a\"b",
            ["double"] = 1.5,
            ["array"] = new JsonArray(int.MaxValue, false, "x"),
        };

        Assert.Equal(
            """{"int":-42,"long":-9223372036854775808,"bool":true,"text":"a\"b","double":1.5,"array":[2147483647,false,"x"]}""",
            CompactJson.Write(node));
    }
}
