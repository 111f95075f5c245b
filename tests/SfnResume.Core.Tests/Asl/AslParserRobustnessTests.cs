using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

/// <summary>Bad ASL must come back as diagnostics: mutated corpus definitions never make the parser throw.</summary>
public sealed class AslParserRobustnessTests
{
    private static readonly JsonNode?[] s_replacements =
    [
        null, JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create("x"), JsonValue.Create("{% (%}"),
        JsonValue.Create("States.Format("), JsonValue.Create(true), new JsonArray(), new JsonArray(JsonValue.Create(1)),
        new JsonObject(), new JsonObject { ["Type"] = "Pass" },
    ];

    [Fact]
    public void Parse_MutatedCorpusDefinitions_NeverThrow()
    {
        var random = new Random(20240601);
        var files = CorpusDefinitions.ConformanceCaseFiles().Where((_, i) => i % 4 == 0).ToList();
        var mutated = 0;
        var withDiagnostics = 0;

        foreach (var file in files)
        {
            var original = JsonNode.Parse(CorpusDefinitions.DefinitionText(file))!.AsObject();
            for (var round = 0; round < 12; round++)
            {
                var copy = (JsonObject)original.DeepClone();
                Mutate(copy, random);
                var text = copy.ToJsonString();

                var result = AslParser.Parse(text);
                mutated++;
                if (result.Diagnostics.Length > 0)
                {
                    withDiagnostics++;
                }

                if (result.Definition is not null)
                {
                    _ = AslWriter.Write(result.Definition);
                }
            }
        }

        Assert.True(mutated > 1000);
        Assert.True(withDiagnostics > mutated / 3, $"{withDiagnostics} of {mutated} mutations were reported");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"StartAt\":")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"StartAt\":1,\"States\":[]}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":null}}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":1}}}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Map\",\"ItemProcessor\":[]}}}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Parallel\",\"Branches\":[1,{}],\"End\":true}}}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Choice\",\"Choices\":[1,{\"Not\":5},{\"And\":{}}]}}}")]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:::\",\"Retry\":[1,{\"ErrorEquals\":\"x\",\"MaxAttempts\":1e400}],\"Catch\":{},\"End\":true}}}")]
    [InlineData("[{\"a\":1,\"a\":2},[{\"b\":1,\"b\":1}]]")]
    [InlineData("\uFEFF{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}")]
    public void Parse_Malformed_DiagnosticsNotExceptions(string json)
    {
        var result = AslParser.Parse(json);

        Assert.NotEmpty(result.Diagnostics);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_NumberBeyondDoubleRange_RangeDiagnostic()
    {
        var result = AslParser.Parse("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Retry":[{"ErrorEquals":["E"],"MaxAttempts":1e400}],"End":true}}}""");

        Assert.NotNull(result.Definition);
        Assert.Equal("SCHEMA_VALIDATION_FAILED: Value must be at most 99999999 at /States/A/Retry[0]/MaxAttempts", Assert.Single(result.Diagnostics).ToString());
    }

    private static void Mutate(JsonObject root, Random random)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        var replacement = s_replacements[random.Next(s_replacements.Length)]?.DeepClone();
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                if (random.Next(3) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = replacement;
                }

                break;
            case JsonArray array when array.Count > 0:
                array[random.Next(array.Count)] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var (_, value) in obj)
                {
                    Collect(value, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var item in array)
                {
                    Collect(item, containers);
                }

                break;
        }
    }
}
