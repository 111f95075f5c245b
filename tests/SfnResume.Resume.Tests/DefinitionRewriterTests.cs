using System.Text.Json.Nodes;

namespace SfnResume.Resume.Tests;

public sealed class DefinitionRewriterTests
{
    private const string Definition = """{"Comment":"c","StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}},"TimeoutSeconds":30}""";

    [Fact]
    public void AddGoToState_JsonPath_PutsGuardedChoiceFirstAndKeepsTheRest()
    {
        var original = JsonNode.Parse(Definition)!.AsObject();

        var rewritten = DefinitionRewriter.AddGoToState(original, "B", "GoToState", "resuming", jsonata: false);

        Assert.Equal("GoToState", (string?)rewritten["StartAt"]);
        Assert.Equal(["Comment", "StartAt", "States", "TimeoutSeconds"], rewritten.Select(p => p.Key));
        var states = rewritten["States"]!.AsObject();
        Assert.Equal(["GoToState", "A", "B"], states.Select(p => p.Key));
        var choice = states["GoToState"]!;
        Assert.Equal("Choice", (string?)choice["Type"]);
        Assert.Equal("A", (string?)choice["Default"]);
        var rule = choice["Choices"]![0]!;
        Assert.Equal("B", (string?)rule["Next"]);
        Assert.Equal("""[{"Variable":"$.resuming","IsPresent":true},{"Variable":"$.resuming","BooleanEquals":true}]""", rule["And"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(original["States"]!["A"], states["A"]));
        Assert.Equal(Definition, original.ToJsonString());
    }

    [Fact]
    public void AddGoToState_Jsonata_UsesACondition()
    {
        var original = JsonNode.Parse(Definition)!.AsObject();

        var rewritten = DefinitionRewriter.AddGoToState(original, "B", "GoToState", "again", jsonata: true);

        var rule = rewritten["States"]!["GoToState"]!["Choices"]![0]!;
        Assert.Equal("{% $states.input.again = true %}", (string?)rule["Condition"]);
        Assert.Null(rule["And"]);
    }

    [Fact]
    public void ChooseStateName_Collision_PicksAFreeName()
    {
        Assert.Equal("GoToState", DefinitionRewriter.ChooseStateName(["A", "B"]));
        Assert.Equal("GoToState-2", DefinitionRewriter.ChooseStateName(["GoToState"]));
        Assert.Equal("GoToState-3", DefinitionRewriter.ChooseStateName(["GoToState", "GoToState-2"]));
    }

    [Theory]
    [InlineData("resuming", true)]
    [InlineData("_r2", true)]
    [InlineData("2x", false)]
    [InlineData("a.b", false)]
    [InlineData("a'b", false)]
    [InlineData("", false)]
    public void ValidateFlagName_RejectsNamesThatAreNotPlainMembers(string name, bool ok)
    {
        var ex = Record.Exception(() => DefinitionRewriter.ValidateFlagName(name));

        Assert.Equal(ok, ex is null);
        if (!ok)
        {
            Assert.IsType<ResumePlanningException>(ex);
        }
    }
}
