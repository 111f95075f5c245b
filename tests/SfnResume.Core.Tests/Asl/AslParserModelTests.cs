using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslParserModelTests
{
    private static StateMachineDefinition ParseValid(string json)
    {
        var result = AslParser.Parse(json);
        Assert.Empty(result.Errors);
        return result.Definition!;
    }

    [Fact]
    public void Parse_SeedSample_ModelsNestedScopes()
    {
        var definition = ParseValid(File.ReadAllText(CorpusDefinitions.SampleFile));

        Assert.Equal("Parallel", definition.StartAt);
        var parallel = Assert.IsType<ParallelState>(definition.StatesByName["Parallel"]);
        Assert.Equal(2, parallel.Branches.Length);
        Assert.Equal("$.output", parallel.ResultPath.Path);
        Assert.Equal("Parallel 2", parallel.Next.NextState);
        var inner = definition.FindState("Parallel Step 1, Process 2");
        Assert.IsType<TaskState>(inner);
        var scope = definition.GetScopeOf("Parallel Step 1, Process 2")!;
        Assert.Equal([new ScopeSegment("Parallel", 1)], scope.Path.ToArray());
        Assert.Equal("/States/Parallel/Branches[1]", scope.Pointer);
        Assert.Same(definition.Root, definition.GetParentScope(scope));
        Assert.Same(parallel, definition.GetOwner(scope));
        Assert.Equal(definition.AllStates.Length, definition.LocationsByName.Count);
        Assert.Equal("Parallel", definition.AllStates[0].State.Name);
        Assert.Equal("Parallel Step 1, Process 1", definition.AllStates[1].State.Name);
    }

    [Fact]
    public void Parse_PathFields_AbsentNullAndTextDiffer()
    {
        var definition = ParseValid("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","InputPath":null,"ResultPath":null,"Next":"B"},
              "B":{"Type":"Pass","OutputPath":"$.x","End":true}}}
            """);

        var a = (PassState)definition.StatesByName["A"];
        var b = (PassState)definition.StatesByName["B"];
        Assert.True(a.InputPath.IsNull);
        Assert.Null(a.InputPath.EffectivePath);
        Assert.True(a.ResultPath.IsNull);
        Assert.True(a.OutputPath.IsAbsent);
        Assert.Equal("$", a.OutputPath.EffectivePath);
        Assert.Equal("$.x", b.OutputPath.Path);
        Assert.True(b.Next.IsEnd);
    }

    [Fact]
    public void Parse_TaskFields_RetryCatchAndDynamicTimeouts()
    {
        var definition = ParseValid("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSecondsPath":"$.t","HeartbeatSeconds":10,
                   "Retry":[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":2,"MaxAttempts":5,"BackoffRate":1.5,"MaxDelaySeconds":30,"JitterStrategy":"FULL"},
                            {"ErrorEquals":["States.ALL"]}],
                   "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F","ResultPath":"$.error"}],
                   "End":true},
              "F":{"Type":"Fail","Error":"E","CausePath":"$.c"}}}
            """);

        var task = (TaskState)definition.StatesByName["T"];
        Assert.Equal("$.t", task.TimeoutSeconds!.Path);
        Assert.Equal(10m, task.HeartbeatSeconds!.Number);
        Assert.Equal(2, task.Retry.Length);
        Assert.Equal(5, task.Retry[0].MaxAttempts);
        Assert.Equal(1.5m, task.Retry[0].BackoffRate);
        Assert.Equal(30m, task.Retry[0].MaxDelaySeconds);
        Assert.Equal(JitterStrategy.Full, task.Retry[0].JitterStrategy);
        Assert.Equal(Retrier.DefaultMaxAttempts, task.Retry[1].MaxAttempts);
        Assert.Equal(Retrier.DefaultBackoffRate, task.Retry[1].BackoffRate);
        Assert.Equal("F", task.Catch[0].Next);
        Assert.Equal("$.error", task.Catch[0].ResultPath.Path);
        Assert.Equal(["F"], task.Successors);
        var fail = (FailState)definition.StatesByName["F"];
        Assert.Equal("E", fail.Error!.Text);
        Assert.Equal("$.c", fail.Cause!.Path);
    }

    [Fact]
    public void Parse_ChoiceRules_TreeWithPathOperators()
    {
        var definition = ParseValid("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[
                 {"And":[{"Variable":"$.a","IsPresent":true},{"Not":{"Variable":"$.a","NumericGreaterThanPath":"$.b"}}],"Next":"X"},
                 {"Variable":"$.s","StringMatches":"log-*","Next":"X","Assign":{"v":1}}],
               "Default":"X"},
              "X":{"Type":"Succeed"}}}
            """);

        var choice = (ChoiceState)definition.StatesByName["C"];
        var and = Assert.IsType<AndRule>(choice.Choices[0]);
        Assert.Equal("X", and.Next);
        var present = Assert.IsType<ComparisonRule>(and.Rules[0]);
        Assert.Equal(ComparisonOperator.IsPresent, present.Operator);
        var not = Assert.IsType<NotRule>(and.Rules[1]);
        var compare = Assert.IsType<ComparisonRule>(not.Rule);
        Assert.Equal(ComparisonOperator.NumericGreaterThan, compare.Operator);
        Assert.True(compare.OperandIsPath);
        Assert.Equal("NumericGreaterThanPath", compare.OperatorField);
        Assert.Null(compare.Next);
        var matches = Assert.IsType<ComparisonRule>(choice.Choices[1]);
        Assert.Equal(ComparisonOperator.StringMatches, matches.Operator);
        Assert.NotNull(matches.Assign);
        Assert.Equal("X", choice.Default);
    }

    [Fact]
    public void Parse_JsonataMachine_EffectiveLanguageAndExpressions()
    {
        var definition = ParseValid("""
            {"QueryLanguage":"JSONata","StartAt":"W","States":{
              "W":{"Type":"Wait","Seconds":"{% $states.input.delay %}","Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.ok %}","Next":"M","Output":{"a":1}}],"Default":"M"},
              "M":{"Type":"Map","Items":"{% [1,2] %}","MaxConcurrency":2,
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONata","End":true}}},
                   "End":true}}}
            """);

        Assert.Equal(QueryLanguage.Jsonata, definition.EffectiveQueryLanguage);
        var wait = (WaitState)definition.StatesByName["W"];
        Assert.Equal(QueryLanguage.Jsonata, wait.EffectiveQueryLanguage);
        Assert.Null(wait.QueryLanguage);
        Assert.Equal(" $states.input.delay ", wait.Seconds!.Expression);
        var rule = Assert.IsType<ConditionRule>(((ChoiceState)definition.StatesByName["C"]).Choices[0]);
        Assert.Equal(" $states.input.ok ", rule.Expression);
        var map = (MapState)definition.StatesByName["M"];
        Assert.Equal(MapMode.Distributed, map.Mode);
        Assert.Equal(MapExecutionType.Express, map.ExecutionType);
        Assert.False(map.UsesIterator);
        Assert.Equal(2m, map.MaxConcurrency!.Number);
        Assert.Equal("/States/M/ItemProcessor", map.Processor.Pointer);
        Assert.Equal([new ScopeSegment("M", null)], definition.GetScopeOf("P")!.Path.ToArray());
    }

    [Fact]
    public void Parse_LegacyIterator_IsTheProcessor()
    {
        var definition = ParseValid("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """);

        var map = (MapState)definition.StatesByName["M"];
        Assert.True(map.UsesIterator);
        Assert.Equal("/States/M/Iterator", map.Processor.Pointer);
        Assert.Equal("$.items", map.ItemsPath.Path);
    }

    [Fact]
    public void Parse_NotJson_InvalidJsonDescriptionWithLineAndColumn()
    {
        var result = AslParser.Parse("not a definition");

        Assert.Null(result.Definition);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("INVALID_JSON_DESCRIPTION", d.Code);
        Assert.Equal("[Source: (String)\"not a definition\"; line: 1, column: 4]", d.Location);
        Assert.Equal("Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]", d.Message);
    }

    [Fact]
    public void Parse_TruncatedJson_ReportsLine()
    {
        var result = AslParser.Parse("{\n  \"StartAt\": \"A\",\n  \"States\": {");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("INVALID_JSON_DESCRIPTION", d.Code);
        Assert.Contains("line: 3", d.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\":\"x", "Expected end of string, but instead reached end of data.", 1, 8)]
    [InlineData("{\"a\":}", "'}' is an invalid start of a value.", 1, 6)]
    [InlineData("{\n\"a\": tru }", "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 2, 9)]
    public void Parse_SyntaxErrors_MessageWithJacksonStyleLineAndColumn(string json, string message, int line, int column)
    {
        var d = Assert.Single(AslParser.Parse(json).Diagnostics);

        Assert.Equal("INVALID_JSON_DESCRIPTION", d.Code);
        Assert.StartsWith(message + "\n at [Source: (String)", d.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; line: {line}, column: {column}]", d.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StateNameRepeatedInOneStatesObject_DuplicateStateName()
    {
        var result = AslParser.Parse("""{"StartAt":"A","States":{"A":{"Type":"Succeed"},"A":{"Type":"Succeed"}}}""");

        Assert.Null(result.Definition);
        Assert.Equal("DUPLICATE_STATE_NAME: Duplicate State name: A at /States/A", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_RepeatedKeyElsewhere_LocatedJsonDiagnostic()
    {
        var result = AslParser.Parse("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true,"End":true}}}],"End":true}}}""");

        Assert.Null(result.Definition);
        Assert.Equal("INVALID_JSON_DESCRIPTION: Duplicate field 'End' at /States/P/Branches[0]/States/B/End", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void With_InsertChoiceFirstAndSetStartAt_KeepsTheRestByteForByte()
    {
        const string original = """{"Comment":"c","StartAt":"A","States":{"A":{"Type":"Pass","Result":1.50,"X-Unknown":[1e3],"End":true}},"TimeoutSeconds":60}""";
        var definition = AslParser.Parse(original).Definition!;
        var goTo = JsonNode.Parse("""{"Type":"Choice","Choices":[{"Variable":"$.resume","IsPresent":true,"Next":"A"}],"Default":"A"}""")!.AsObject();

        var patched = definition.WithStateInsertedFirst("GoToState", goTo).WithStartAt("GoToState");

        Assert.Equal("GoToState", patched.StartAt);
        Assert.Equal("GoToState", patched.States[0].Name);
        Assert.Equal(["SCHEMA_VALIDATION_FAILED: Field 'X-Unknown' is not supported at /States/A"], AslValidator.Validate(patched).Select(d => d.ToString()));
        Assert.Equal(
            """{"Comment":"c","StartAt":"GoToState","States":{"GoToState":{"Type":"Choice","Choices":[{"Variable":"$.resume","IsPresent":true,"Next":"A"}],"Default":"A"},"A":{"Type":"Pass","Result":1.50,"X-Unknown":[1e3],"End":true}},"TimeoutSeconds":60}""",
            AslWriter.Write(patched, indented: false));
        Assert.Equal("A", definition.StartAt);
        Assert.Equal(original, AslWriter.Write(definition, indented: false));
    }

    [Fact]
    public void With_NestedScopeAndReplacedState_EditsOnlyThoseParts()
    {
        var definition = ParseValid(File.ReadAllText(CorpusDefinitions.SampleFile));
        var branch = definition.GetScopeOf("Parallel Step 2, Process 1")!;
        var goTo = JsonNode.Parse("""{"Type":"Choice","Choices":[{"Variable":"$.resume","IsPresent":true,"Next":"Parallel Step 2, Process 1"}],"Default":"Parallel Step 2, Process 1"}""")!.AsObject();

        var patched = definition
            .WithStateInsertedFirst(branch, "GoTo Branch", goTo)
            .WithScope(branch, "GoTo Branch", null)
            .WithStateReplaced("Final Processing", JsonNode.Parse("""{"Type":"Succeed"}""")!.AsObject());

        Assert.Equal("GoTo Branch", patched.GetScopeOf("Parallel Step 2, Process 1")!.StartAt);
        Assert.Equal([new ScopeSegment("Parallel 2", 0)], patched.GetScopeOf("GoTo Branch")!.Path.ToArray());
        Assert.Empty(AslValidator.Validate(patched));
        Assert.IsType<SucceedState>(patched.FindState("Final Processing"));
        Assert.IsType<TaskState>(definition.FindState("Final Processing"));
    }

    [Fact]
    public void With_StateBuiltInCode_ReadsLikeParsedJson()
    {
        var definition = ParseValid("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""");
        var wait = new JsonObject { ["Type"] = "Wait", ["Seconds"] = 5, ["Next"] = "A" };

        var patched = definition.WithStateInsertedFirst("W", wait).WithStartAt("W");

        Assert.Empty(AslValidator.Validate(patched));
        Assert.Equal(5m, ((WaitState)patched.StatesByName["W"]).Seconds!.Number);
        wait["Seconds"] = 7;
        Assert.Equal(5m, ((WaitState)patched.StatesByName["W"]).Seconds!.Number);
    }

    [Fact]
    public void With_ExistingNameOrUnknownState_Throws()
    {
        var definition = ParseValid("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""");

        Assert.Throws<InvalidOperationException>(() => definition.WithStateInsertedFirst("A", new JsonObject { ["Type"] = "Succeed" }));
        Assert.Throws<InvalidOperationException>(() => definition.WithStateReplaced("Nope", new JsonObject { ["Type"] = "Succeed" }));
    }

    [Fact]
    public void Parse_LocationsOfRetryCatchAndNestedRules_UseAwsIndexForm()
    {
        var definition = ParseValid("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f",
                   "Retry":[{"ErrorEquals":["E"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.a","IsNull":true},{"Variable":"$.b","IsNull":true}],"Next":"D"}],"Default":"D"},
              "D":{"Type":"Succeed"}}}
            """);

        var task = (TaskState)definition.StatesByName["T"];
        Assert.Equal("/States/T/Retry[0]", task.Retry[0].Pointer);
        Assert.Equal("/States/T/Catch[0]", task.Catch[0].Pointer);
        var or = (OrRule)((ChoiceState)definition.StatesByName["C"]).Choices[0];
        Assert.Equal("/States/C/Choices[0]", or.Pointer);
        Assert.Equal("/States/C/Choices[0]/Or[1]", or.Rules[1].Pointer);
    }

    [Fact]
    public void Parse_Templates_ReadableFromManyThreadsAtOnce()
    {
        var definition = ParseValid(File.ReadAllText(CorpusDefinitions.WorkloadFiles().First(f => f.Contains("parallel", StringComparison.Ordinal))));
        var nodes = definition.AllStates.Select(l => l.State.Raw).ToArray();

        var texts = new string[8][];
        Parallel.For(0, texts.Length, t => texts[t] = nodes.Select(n => n.ToJsonString()).ToArray());

        var expected = nodes.Select(n => n.ToJsonString()).ToArray();
        Assert.All(texts, t => Assert.Equal(expected, t));
    }
}
