using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslModelTests
{
    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", true)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""", true)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"End":true}}}""", false)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Unknown","End":true}}}""", false)]
    [InlineData("""{"StartAt":""", false)]
    [InlineData("""[]""", false)]
    public void Model_ThenValidate_GivesWhatParseGives(string json, bool modelled)
    {
        var model = AslParser.Model(json, AslValidationOptions.Default);

        Assert.Equal(modelled, model.Definition is not null);
        var validated = model.Validate();
        var parsed = AslParser.Parse(json);
        Assert.Equal(parsed.IsValid, validated.IsValid);
        Assert.Equal(parsed.Diagnostics.Select(d => d.ToString()), validated.Diagnostics.Select(d => d.ToString()));
        Assert.Same(model.Definition, validated.Definition);
    }

    [Fact]
    public async Task Validate_RunsOnceWhicheverThreadAsks()
    {
        var model = AslParser.Model("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"Gone"}}}""", AslValidationOptions.Default);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(model.Validate)));

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(["MISSING_TRANSITION_TARGET", "MISSING_END_STATE"], results[0].Errors.Select(e => e.Code));
    }
}
