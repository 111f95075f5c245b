using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Engine;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>Cases that need more than the common scenario checks: --from inside, fallbacks, JSONata.</summary>
public sealed class SpecialCaseTests
{
    private const string TwoBranches = """
        {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A1","States":{"A1":{"Type":"Task","Resource":"fn:double","ResultPath":"$.a1","Next":"A2"},"A2":{"Type":"Task","Resource":"fn:echo","End":true}}},
          {"StartAt":"B1","States":{"B1":{"Type":"Task","Resource":"fn:broken","End":true}}}]}}}
        """;

    [Fact]
    public async Task Resume_FromNestedPath_RerunsFromThatStateWithItsRecordedInput()
    {
        var scenario = new Scenario("from-nested", TwoBranches, """{"n":3}""") { FixHandlers = true, FromState = "P/branch 0/A2" };

        var outcome = await ScenarioRunner.RunAsync(scenario);

        Assert.Equal(ExecutionResult.Succeeded, outcome.Resumed.Status);
        ResumeScenarioTests.AssertSameJson(outcome.Clean.Output!, outcome.Resumed.Output!);
        var calls = outcome.ResumedLambdas.Calls.Select(c => c.Function).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["broken", "echo"], calls);
        Assert.Contains(outcome.Plan.Actions, a => a.Path == "P/branch 0/A2" && a.Action == ResumeAction.ResumeHere);
        Assert.Contains(outcome.Plan.Actions, a => a.Path == "P/branch 1/B1" && a.Action == ResumeAction.ResumeHere);
    }

    [Fact]
    public async Task Resume_VariableHoldingTemplateLikeKeys_IsRestoredThroughStringToJson()
    {
        var outcome = await ScenarioRunner.RunAsync(Catalog.All().Single(s => s.Name == "variables-holding-template-like-keys"));

        Assert.Contains("States.StringToJson(", outcome.Copy.Raw.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ExecutionResult.Succeeded, outcome.Resumed.Status);
        Assert.Equal("$.x", (string?)JsonNode.Parse(outcome.Resumed.Output!)!["cfg"]!["path.$"]);
    }

    [Fact]
    public async Task Plan_FromPlainInnerName_ResolvesWhenItRanOnce()
    {
        var failed = await RunAsync(ScenarioRunner.Parse(TwoBranches), """{"n":3}""");

        var plan = ResumePlanner.Plan(ScenarioRunner.Parse(TwoBranches), failed, new ResumeOptions { FromState = "A1" });

        Assert.Equal("P", plan.ResumeState);
        Assert.Contains(plan.Actions, a => a.Path == "P/branch 0/A1" && a.Action == ResumeAction.ResumeHere);
    }

    [Fact]
    public async Task Plan_MapOutputsOverTheVariableLimit_RerunsTheWholeMapAndSaysWhy()
    {
        const string definition = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":3,"End":true,"ItemProcessor":{"StartAt":"R","States":{"R":{"Type":"Task","Resource":"fn:rare","ResultPath":"$.r","End":true}}}}}}
            """;
        var pad = new string('x', 1000);
        var items = string.Join(",", Enumerable.Range(9700, 300).Select(n => $$"""{"n":{{n}},"pad":"{{pad}}"}"""));
        var parsed = ScenarioRunner.Parse(definition);
        var failed = await RunAsync(parsed, "{\"items\":[" + items + "]}", unlimitedPayloads: true);

        var plan = ResumePlanner.Plan(parsed, failed, new ResumeOptions());
        var copy = DefinitionRewriter.Apply(parsed, plan);

        var action = Assert.Single(plan.Actions);
        Assert.Equal(("M", ResumeAction.ResumeHere), (action.Path, action.Action));
        Assert.Contains("over the 256 KiB a variable may hold", action.Note, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(parsed.Raw["States"]!["M"], copy.Raw["States"]!["M"]));
    }

    [Fact]
    public async Task Plan_DistributedMap_RerunsTheWholeMapAndSaysWhy()
    {
        const string inline = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}
            """;
        var distributed = ScenarioRunner.Parse(inline.Replace("\"ItemProcessor\":{", "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},", StringComparison.Ordinal));
        var failed = await RunAsync(ScenarioRunner.Parse(inline), """{"items":[{"n":1},{"n":3}]}""");

        var plan = ResumePlanner.Plan(distributed, failed, new ResumeOptions());

        var action = Assert.Single(plan.Actions);
        Assert.Contains("Distributed Map", action.Note, StringComparison.Ordinal);
        Assert.Equal("M", plan.ResumeState);
    }

    [Fact]
    public async Task Plan_ParallelFailedWithDataLimitExceeded_RerunsEveryBranchLikeRedrive()
    {
        const string definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"Big","States":{"Big":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s","c.$":"$.s"},"End":true}}},
              {"StartAt":"Small","States":{"Small":{"Type":"Pass","End":true}}}]}}}
            """;
        var parsed = ScenarioRunner.Parse(definition);
        var failed = await RunAsync(parsed, "{\"s\":\"" + new string('y', 100_000) + "\"}");
        Assert.Equal("States.DataLimitExceeded", ExecutionTimeline.Build(failed).Error);

        var plan = ResumePlanner.Plan(parsed, failed, new ResumeOptions());

        var action = Assert.Single(plan.Actions);
        Assert.Contains("DataLimitExceeded", action.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_JsonataMachine_CopyIsValidAndUsesJsonataGuards()
    {
        var (jsonata, history) = await JsonataCaseAsync();

        var plan = ResumePlanner.Plan(jsonata, history, new ResumeOptions { Patch = JsonNode.Parse("""{"key":"j"}""") });
        var copy = DefinitionRewriter.Apply(jsonata, plan);

        Assert.True(plan.Jsonata);
        Assert.DoesNotContain(AslValidator.Validate(copy), d => d.IsError);
        var text = copy.Raw.ToJsonString();
        Assert.DoesNotContain("\"Variable\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Parameters\"", text, StringComparison.Ordinal);
        Assert.Contains("$sfnResume_on = true", text, StringComparison.Ordinal);
        Assert.Contains(plan.Actions, a => a.Path == "P/branch 0" && a.Action == ResumeAction.Reuse);
        Assert.Contains(plan.Actions, a => a.Path == "P/branch 1/M/iteration 1/Pk" && a.Action == ResumeAction.ResumeHere);
    }

    [Fact]
    public async Task Resume_JsonataMachine_MatchesCleanRun()
    {
        var (jsonata, history) = await JsonataCaseAsync();
        var plan = ResumePlanner.Plan(jsonata, history, new ResumeOptions());
        var copy = DefinitionRewriter.Apply(jsonata, plan);

        var resumed = await RunResultAsync(copy, plan.ResumeInput.ToJsonString(), fixedHandlers: true);
        var clean = await RunResultAsync(jsonata, JsonataInput, fixedHandlers: true);

        ResumeScenarioTests.AssertSameJson(clean.Output!, resumed.Output!);
    }

    private const string JsonataInput = """{"n":2,"items":[{"n":1},{"n":3}]}""";

    /// <summary>
    /// A JSONata machine and a failed history of it. The history comes from its JSONPath twin (same states, same
    /// nesting): planning needs only the names, nesting and recorded data, so the history of either form serves.
    /// </summary>
    private static async Task<(StateMachineDefinition Jsonata, ExecutionHistory History)> JsonataCaseAsync()
    {
        const string twin = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"D","States":{"D":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}]}}}
            """;
        const string jsonata = """
            {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"D","States":{"D":{"Type":"Task","Resource":"fn:double","End":true}}},
              {"StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.items %}","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Pk","States":{"Pk":{"Type":"Task","Resource":"fn:picky","End":true}}}}}}]}}}
            """;
        var failed = await RunAsync(ScenarioRunner.Parse(twin), JsonataInput);
        return (ScenarioRunner.Parse(jsonata), failed);
    }

    private static async Task<ExecutionHistory> RunAsync(StateMachineDefinition definition, string input, bool unlimitedPayloads = false)
    {
        var result = await RunResultAsync(definition, input, fixedHandlers: false, unlimitedPayloads);
        Assert.Equal(ExecutionResult.Failed, result.Status);
        return ExecutionHistory.FromEvents(result.Events);
    }

    private static async Task<ExecutionResult> RunResultAsync(StateMachineDefinition definition, string input, bool fixedHandlers, bool unlimitedPayloads = false)
    {
        var engine = new StepFunctionsEngine(new EngineOptions
        {
            LambdaInvoker = new Lambdas(fixedHandlers).Invoker(),
            FastForward = true,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)),
            NewGuid = () => Guid.Empty,
            MaxPayloadBytes = unlimitedPayloads ? null : 262_144,
        });
        return await engine.RunAsync(engine.Compile(definition), new ExecutionRequest("arn:aws:states:us-east-1:123456789012:stateMachine:S", "run", input));
    }
}
