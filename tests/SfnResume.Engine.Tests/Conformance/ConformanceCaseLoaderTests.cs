using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceCaseLoaderTests
{
    [Fact]
    public void LoadFolder_Corpus_ReadsEveryCase()
    {
        var cases = CorpusCases.All;

        Assert.Equal(795, cases.Count);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal(407, cases.Count(c => c.ExpectedEvents is not null && c.HasFullHistory));
        Assert.All(cases, c => Assert.NotEmpty(c.Categories));
    }

    [Fact]
    public void Parse_RecordedCase_ReadsAllFields()
    {
        var c = ConformanceCaseLoader.LoadFile(Path.Combine(
            CorpusCases.Folder, "scenarios_test_base_scenarios.TestBaseScenarios.test_parallel_state_PARALLEL_STATE.json"));

        Assert.Equal("scenarios/test_base_scenarios::TestBaseScenarios::test_parallel_state[PARALLEL_STATE]", c.Id);
        Assert.True(c.ParallelEventsNormalised);
        Assert.Equal("statemachine_create_and_record_execution_uid0001", c.StateMachineName);
        Assert.Equal("exec_0001", c.ExecutionName);
        Assert.Equal(new DateOnly(2024, 9, 12), c.RecordedOn);
        Assert.Equal("pass,parallel", string.Join(",", c.Categories));
        Assert.Equal("SfnNoneRecursiveParallelTransformer", c.TestTransformers[0].Kind);
        Assert.Equal("[[1,2,3,4],[1,2,3,4],[1,2,3,4]]", c.ExpectedOutput!.Value.GetString());
    }

    [Fact]
    public void Parse_UserRecordingWithOnlyRequiredFields_UsesDefaults()
    {
        var c = ConformanceCaseLoader.Parse(
            """{"definition": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "input": "{}", "expected_status": "SUCCEEDED"}""",
            "/tmp/my-runs/order-42.json");

        Assert.Equal("order-42", c.Id);
        Assert.Equal("STANDARD", c.StateMachineType);
        Assert.Equal(ConformanceCaseLoader.DefaultRoleArn, c.RoleArn);
        Assert.Null(c.ExpectedEvents);
        Assert.Null(c.ExpectedOutput);
        Assert.Empty(c.Categories);
        Assert.Null(c.RecordedOn);
    }

    [Theory]
    [InlineData("03-05-2024, 13:44:53")]
    [InlineData("03-05-2024")]
    [InlineData("2024-05-03")]
    [InlineData("2024-05-03T13:44:53+00:00")]
    public void Parse_RecordedDate_InTheCorpusFormOrIso(string text)
    {
        var c = ConformanceCaseLoader.Parse(
            $$"""{"definition": {}, "input": "{}", "expected_status": "SUCCEEDED", "recorded_date": "{{text}}"}""", "dated.json");

        Assert.Equal(new DateOnly(2024, 5, 3), c.RecordedOn);
    }

    [Theory]
    [InlineData("""{"input": "{}", "expected_status": "SUCCEEDED"}""", "bad.json: field 'definition' is required (a JSON object)")]
    [InlineData("""{"definition": {}, "input": {}, "expected_status": "SUCCEEDED"}""", "bad.json: field 'input' must be a string, found object")]
    [InlineData("""{"definition": {}, "input": "{}", "expected_status": "SUCCEEDED", "categories": ["a", 3]}""", "bad.json: field 'categories[1]' must be a string, found number")]
    [InlineData("""{"definition": {}, "input": "{}", "expected_status": "SUCCEEDED", "lambda_functions": [{"lambda_behaviour": "identity"}]}""", "bad.json: field 'lambda_functions[0].function_name' is required (a string)")]
    [InlineData("""{"definition": {}, "input": "{}", "expected_status": "SUCCEEDED", "expected_events": {}}""", "bad.json: field 'expected_events' must be an array or null, found object")]
    [InlineData("""{"definition": {}, "input": "{}", "expected_status": "SUCCEEDED", "recorded_date": "May 2024"}""", "bad.json: field 'recorded_date' must be a date (DD-MM-YYYY, HH:MM:SS or ISO 8601), found 'May 2024'")]
    public void Parse_MalformedCase_NamesFileAndField(string json, string message)
    {
        var e = Assert.Throws<ConformanceCaseException>(() => ConformanceCaseLoader.Parse(json, "bad.json"));

        Assert.Equal(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Parse_NotJson_NamesFile()
    {
        var e = Assert.Throws<ConformanceCaseException>(() => ConformanceCaseLoader.Parse("{\"definition\": ", "broken.json"));

        Assert.StartsWith("broken.json: not valid JSON", e.Message, StringComparison.Ordinal);
    }
}
