using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Testing;

namespace SfnResume.Resume.Tests;

/// <summary>
/// Plans for failures of every shape, checked against reviewed golden files. The histories are the
/// hand-built and generated fixtures of the history model's tests; the definitions beside this file are
/// the state machines those histories are executions of.
/// </summary>
public sealed class ResumePlannerGoldenTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "seed-sample", "seed-sample" },
        { "task-retries-wire", "task-retries-wire" },
        { "catch-then-fail", "catch-then-fail" },
        { "map-failure-serial", "map-failure-serial" },
        { "map-failure-concurrent", "map-failure-concurrent" },
        { "nested-parallel-map-parallel", "nested-parallel-map-parallel" },
        { "evaluation-failed", "evaluation-failed" },
        { "execution-timed-out", "execution-timed-out" },
        { "aborted-during-wait", "aborted-during-wait" },
        { "gen-1000-iso", "gen-1000" },
        { "gen-1000-epoch", "gen-1000" },
        { "cli-v2-iso", "task-retries-wire" },
        { "boto3-str", "task-retries-wire" },
        { "reverse-order", "task-retries-wire" },
        { "bare-array", "task-retries-wire" },
        { "pages-concatenated", "task-retries-wire" },
        { "pages-array", "task-retries-wire" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_HistoryOfEachShape_MatchesGolden(string history, string definition)
    {
        var plan = PlanFor(history, definition, new ResumeOptions { Patch = JsonNode.Parse("""{"fixed":true}"""), StateMachineName = "Machine" });

        Golden.AssertJson(ResumePlanJson.ToJson(plan), $"testdata/plans/{history}.plan.json");
    }

    [Theory]
    [InlineData("seed-sample", "seed-sample")]
    [InlineData("nested-parallel-map-parallel", "nested-parallel-map-parallel")]
    public async Task Apply_FromADraftTakenOnAnotherThread_IsTheSameCopyAndLeavesTheOriginalAlone(string history, string definition)
    {
        var original = LoadDefinition(definition);
        var before = AslWriter.Write(original);
        var plan = PlanFor(history, definition, new ResumeOptions { StateMachineName = "Machine" });

        var draft = await Task.Run(() => DefinitionRewriter.Draft(original));
        var copy = DefinitionRewriter.Apply(original, plan, draft);

        Assert.Equal(AslWriter.Write(DefinitionRewriter.Apply(original, plan)), AslWriter.Write(copy));
        Assert.Equal(before, AslWriter.Write(original));
        Assert.Throws<InvalidOperationException>(() => DefinitionRewriter.Apply(original, plan, draft));
    }

    [Fact]
    public void Apply_WithADraftOfAnotherDefinition_IsRefused()
    {
        var original = LoadDefinition("seed-sample");
        var plan = PlanFor("seed-sample", "seed-sample", new ResumeOptions());

        var ex = Assert.Throws<ArgumentException>(() => DefinitionRewriter.Apply(original, plan, DefinitionRewriter.Draft(LoadDefinition("seed-sample"))));

        Assert.Contains("another definition", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed-sample", "seed-sample")]
    [InlineData("map-failure-concurrent", "map-failure-concurrent")]
    [InlineData("nested-parallel-map-parallel", "nested-parallel-map-parallel")]
    [InlineData("gen-1000-iso", "gen-1000")]
    public void Apply_CopyModelledFromNodes_ReadsAsItsWrittenTextParsedAgain(string history, string definition)
    {
        var original = LoadDefinition(definition);
        var plan = PlanFor(history, definition, new ResumeOptions { StateMachineName = "Machine" });

        var copy = DefinitionRewriter.Apply(original, plan);

        var reparsed = AslParser.Parse(AslWriter.Write(copy, indented: false));
        Assert.True(reparsed.IsValid);
        Assert.Equal(AslWriter.Write(reparsed.Definition!), AslWriter.Write(copy));
        Assert.Equal(reparsed.Definition!.AllStates.Select(s => s.State), copy.AllStates.Select(s => s.State), new StateShapeComparer());
        Assert.All(Values(copy.Raw), v => Assert.True(v.TryGetValue(out System.Text.Json.JsonElement _), $"{v.GetPath()} was not normalised"));
    }

    private static IEnumerable<JsonValue> Values(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Values(p.Value)),
        JsonArray array => array.SelectMany(Values),
        JsonValue value => [value],
        _ => [],
    };

    /// <summary>Same name, kind, transition and place: the model's records hold JSON nodes, which compare by reference.</summary>
    private sealed class StateShapeComparer : IEqualityComparer<StateDefinition>
    {
        public bool Equals(StateDefinition? x, StateDefinition? y) =>
            x is not null && y is not null && x.Name == y.Name && x.GetType() == y.GetType()
            && x.Pointer == y.Pointer && Equals(x.Transition, y.Transition);

        public int GetHashCode(StateDefinition obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GeneratedHistory_AgreesWithTheGeneratorsAnswer()
    {
        var expect = JsonNode.Parse(File.ReadAllText(HistoryFixture("gen-1000.expect.json")))!;

        var plan = PlanFor("gen-1000-iso", "gen-1000", new ResumeOptions());

        Assert.Equal((string?)expect["resume_from_state"], plan.ResumeState);
        Assert.Equal((string?)expect["failing_leaf_state"], plan.Failure!.State);
        Assert.Equal((string?)expect["error"], plan.Failure.Error);
        Assert.Equal((string?)expect["cause"], plan.Failure.Cause);
        var recorded = JsonNode.Parse((string)expect["resume_from_state_input"]!)!.AsObject();
        recorded["resuming"] = true;
        Assert.True(JsonNode.DeepEquals(recorded, plan.ResumeInput));
        Assert.Contains(plan.Failure.Path, p => p.Kind == PathSegmentKind.Iteration && p.Index == (int)expect["failing_map_index"]!);
    }

    [Fact]
    public void Plan_CatchThenFail_ResumesAtTheCaughtStateAndSaysWhy()
    {
        var plan = PlanFor("catch-then-fail", "catch-then-fail", new ResumeOptions());

        Assert.Equal("GiveUp", plan.Failure!.State);
        Assert.Equal("Charge", plan.ResumeState);
        Assert.Contains("Fail state", plan.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FromState_UsesItsLastRecordedInput()
    {
        var plan = PlanFor("task-retries-wire", "task-retries-wire", new ResumeOptions { FromState = "Init" });

        Assert.Equal("Init", plan.ResumeState);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"orderId":"o-1001","amount":42.5,"resuming":true}"""), plan.ResumeInput));
        Assert.Empty(plan.Skipped);
    }

    [Theory]
    [InlineData("Nope", "no state 'Nope'")]
    [InlineData("Process", "ran in 3 branches or iterations; name one with a path such as 'ProcessItems/iteration")]
    [InlineData("ProcessItems/iteration 9/Process", "never started iteration 9")]
    [InlineData("ProcessItems/branch 0/Process", "write 'iteration N'")]
    public void Plan_FromState_RejectsUnknownAndAmbiguousStates(string from, string message)
    {
        var ex = Assert.Throws<ResumePlanningException>(() => PlanFor("map-failure-serial", "map-failure-serial", new ResumeOptions { FromState = from }));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FromNestedPath_ResumesInsideTheMapWithThatInput()
    {
        var plan = PlanFor("map-failure-serial", "map-failure-serial", new ResumeOptions { FromState = "ProcessItems/iteration 0/Process" });

        Assert.Equal("ProcessItems", plan.ResumeState);
        Assert.Contains(plan.Actions, a => a.Path == "ProcessItems/iteration 0/Process" && a.Action == ResumeAction.ResumeHere);
        Assert.DoesNotContain(plan.Actions, a => a.Path.StartsWith("ProcessItems/iteration 0", StringComparison.Ordinal) && a.Action == ResumeAction.Reuse);
    }

    [Fact]
    public void Plan_FromStateNeverEntered_IsRejected()
    {
        var ex = Assert.Throws<ResumePlanningException>(() => PlanFor("succeeded", "succeeded", new ResumeOptions { FromState = "Skipped" }));

        Assert.Contains("never entered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SucceededExecutionWithFrom_ResumesThere()
    {
        var plan = PlanFor("succeeded", "succeeded", new ResumeOptions { FromState = "Both" });

        Assert.Null(plan.Failure);
        Assert.Equal("Both", plan.ResumeState);
        Assert.Equal(["Route", "Pause"], plan.Skipped.Select(s => s.Name));
    }

    [Theory]
    [InlineData("succeeded", "succeeded")]
    [InlineData("running", "still running")]
    public void Plan_ExecutionThatDidNotFail_IsRejected(string history, string message)
    {
        var ex = Assert.Throws<ResumePlanningException>(() => PlanFor(history, "succeeded", new ResumeOptions()));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InputNotAnObject_IsRejectedUnlessPatchedToOne()
    {
        var definition = Parse("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}""");
        var history = ExecutionHistory.Parse("""
            {"events":[
            {"timestamp":1.7E9,"type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"[1,2]"}},
            {"timestamp":1.7E9,"type":"TaskStateEntered","id":2,"previousEventId":0,"stateEnteredEventDetails":{"name":"T","input":"[1,2]"}},
            {"timestamp":1.7E9,"type":"LambdaFunctionScheduled","id":3,"previousEventId":2,"lambdaFunctionScheduledEventDetails":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f","input":"[1,2]"}},
            {"timestamp":1.7E9,"type":"LambdaFunctionFailed","id":4,"previousEventId":3,"lambdaFunctionFailedEventDetails":{"error":"E","cause":"c"}},
            {"timestamp":1.7E9,"type":"ExecutionFailed","id":5,"previousEventId":4,"executionFailedEventDetails":{"error":"E","cause":"c"}}]}
            """);

        var ex = Assert.Throws<ResumePlanningException>(() => ResumePlanner.Plan(definition, history, new ResumeOptions()));
        var patched = ResumePlanner.Plan(definition, history, new ResumeOptions { Patch = JsonNode.Parse("""{"items":[1,2]}""") });

        Assert.Contains("not a JSON object", ex.Message, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"items":[1,2],"resuming":true}"""), patched.ResumeInput));
    }

    [Fact]
    public void Apply_RewrittenDefinitionIsValidAndKeepsEveryOriginalState()
    {
        var definition = LoadDefinition("nested-parallel-map-parallel");
        var plan = PlanFor("nested-parallel-map-parallel", "nested-parallel-map-parallel", new ResumeOptions());

        var copy = DefinitionRewriter.Apply(definition, plan);

        Assert.Equal("GoToState", copy.StartAt);
        Assert.DoesNotContain(AslValidator.Validate(copy), d => d.IsError);
        Assert.All(definition.AllStates, s => Assert.Equal(s.State.Type, copy.FindState(s.State.Name)?.Type));
        Assert.All(copy.AllStates.Where(s => definition.FindState(s.State.Name) is null), s => Assert.StartsWith("GoToState", s.State.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nested-parallel-map-parallel")]
    [InlineData("map-failure-concurrent")]
    public void Apply_NestedFailure_CopyMatchesGolden(string name)
    {
        var definition = LoadDefinition(name);
        var plan = PlanFor(name, name, new ResumeOptions { Patch = JsonNode.Parse("""{"fixed":true}""") });

        var copy = DefinitionRewriter.Apply(definition, plan);

        Golden.AssertJson(copy.Raw, $"testdata/plans/{name}.copy.asl.json");
    }

    [Fact]
    public void CopyName_LongName_IsCutToEightyCharacters()
    {
        var name = ResumePlanner.CopyName(new string('a', 79));

        Assert.Equal(80, name.Length);
        Assert.EndsWith("-with-GoToState", name, StringComparison.Ordinal);
    }

    internal static ResumePlan PlanFor(string history, string definition, ResumeOptions options)
    {
        var parsed = ExecutionHistory.Parse(File.ReadAllBytes(HistoryFixture(history + ".history.json")));
        return ResumePlanner.Plan(LoadDefinition(definition), parsed, options);
    }

    private static StateMachineDefinition LoadDefinition(string name)
    {
        var path = name == "seed-sample"
            ? RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json")
            : Path.Combine(AppContext.BaseDirectory, "testdata", "plans", name + ".asl.json");
        return Parse(File.ReadAllText(path));
    }

    private static StateMachineDefinition Parse(string json)
    {
        var parsed = AslParser.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return parsed.Definition!;
    }

    private static string HistoryFixture(string file) => RepoPaths.InRoot("tests", "SfnResume.Core.Tests", "testdata", "history", file);
}
