using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.Compilation;

public sealed class PassAndChoiceTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task Pass_FullPipeline_AppliesInputPathParametersResultPathOutputPathInOrder()
    {
        const string Definition = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.in","Parameters":{"v.$":"$.x","k":"lit"},
             "ResultPath":"$.in.res","OutputPath":"$.in","End":true}}}
            """;

        var result = await _harness.RunAsync(Definition, """{"in": {"x": 5}, "other": 1}""");

        Assert.Equal("""{"x":5,"res":{"v":5,"k":"lit"}}""", result.Output);
    }

    [Fact]
    public async Task Pass_NullPaths_DiscardInputAndResult()
    {
        const string Definition = """
            {"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":null,"Parameters":{"seen.$":"$"},"Next":"B"},
             "B":{"Type":"Pass","Result":{"ignored":true},"ResultPath":null,"OutputPath":"$.seen","Next":"C"},
             "C":{"Type":"Pass","OutputPath":null,"End":true}}}
            """;

        var result = await _harness.RunAsync(Definition, """{"a":1}""");

        Assert.Equal("{}", result.Output);
        Assert.Equal("""{"seen":{}}""", HistoryText.Single(result, HistoryEventType.PassStateExited, "A").StateExitedEventDetails!.Output);
    }

    [Fact]
    public async Task Pass_ExecutionInput_KeepsTheCallersTextUntilTransformed()
    {
        const string Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Result":1,"ResultPath":"$.r","End":true}}}""";
        const string Input = "{ \"a\" : [1, 2] }";

        var result = await _harness.RunAsync(Definition, Input);

        Assert.Equal(Input, result.Events[0].ExecutionStartedEventDetails!.Input);
        Assert.Equal(Input, HistoryText.Single(result, HistoryEventType.PassStateEntered, "A").StateEnteredEventDetails!.Input);
        Assert.Equal(Input, HistoryText.Single(result, HistoryEventType.PassStateExited, "A").StateExitedEventDetails!.Output);
        Assert.Equal("""{"a":[1,2],"r":1}""", result.Output);
    }

    [Fact]
    public async Task Pass_MissingInputPath_FailsWithStatesRuntimeInAwsWords()
    {
        var result = await _harness.RunAsync("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.nope","End":true}}}""", "{}");

        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.nope' : No results for path: $['nope']", result.Cause);
        Assert.Equal(["1 0 ExecutionStarted", "2 0 PassStateEntered", "3 2 ExecutionFailed"], HistoryText.Chain(result));
    }

    [Fact]
    public async Task Pass_ContextObject_ExposesExecutionStateAndMachine()
    {
        const string Definition = """
            {"StartAt":"Ctx","States":{"Ctx":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","input.$":"$$.Execution.Input",
             "name.$":"$$.Execution.Name","role.$":"$$.Execution.RoleArn","start.$":"$$.Execution.StartTime","redrive.$":"$$.Execution.RedriveCount",
             "state.$":"$$.State.Name","entered.$":"$$.State.EnteredTime","machine.$":"$$.StateMachine.Id","machineName.$":"$$.StateMachine.Name"},"End":true}}}
            """;

        var result = await _harness.RunAsync(Definition, """{"k":1}""");

        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal("arn:aws:states:us-east-1:111111111111:execution:machine:exec", output["id"]!.GetValue<string>());
        Assert.Equal(1, output["input"]!["k"]!.GetValue<int>());
        Assert.Equal("exec", output["name"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111111111111:role/sfn-conformance-role", output["role"]!.GetValue<string>());
        Assert.Equal("2024-06-01T12:00:00.000Z", output["start"]!.GetValue<string>());
        Assert.Equal(0, output["redrive"]!.GetValue<int>());
        Assert.Equal("Ctx", output["state"]!.GetValue<string>());
        Assert.Equal("2024-06-01T12:00:00.000Z", output["entered"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:111111111111:stateMachine:machine", output["machine"]!.GetValue<string>());
        Assert.Equal("machine", output["machineName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assign_Variables_AreReadAfterTheStateAndRecordedAsJsonText()
    {
        const string Definition = """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"v":"x"},"Assign":{"s.$":"$.v","n":3,"o":{"k":[1]}},"Next":"B"},
             "B":{"Type":"Pass","Parameters":{"s.$":"$s","n.$":"$n"},"OutputPath":"$","Assign":{"n":4},"Next":"C"},
             "C":{"Type":"Pass","InputPath":"$n","End":true}}}
            """;

        var result = await _harness.RunAsync(Definition, "{}");

        var assigned = HistoryText.Single(result, HistoryEventType.PassStateExited, "A").StateExitedEventDetails!.AssignedVariables!;
        Assert.Equal("\"x\"", assigned["s"]);
        Assert.Equal("3", assigned["n"]);
        Assert.Equal("""{"k":[1]}""", assigned["o"]);
        Assert.Equal("""{"s":"x","n":3}""", HistoryText.Single(result, HistoryEventType.PassStateExited, "B").StateExitedEventDetails!.Output);
        Assert.Equal("4", result.Output);
    }

    [Theory]
    [InlineData("""{"v": 3}""", "Three")]
    [InlineData("""{"v": 3.0}""", "Three")]
    [InlineData("""{"v": "3"}""", "Other")]
    [InlineData("""{"v": 7, "w": 7}""", "Same")]
    [InlineData("""{"v": "2016-03-14T01:59:00Z"}""", "Stamp")]
    [InlineData("""{"v": "log-1.txt"}""", "Log")]
    [InlineData("""{"v": true}""", "Bool")]
    [InlineData("""{"v": null}""", "Null")]
    public async Task Choice_Rules_PickTheFirstMatchWithoutCoercion(string input, string expected)
    {
        const string Definition = """
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Variable":"$.v","NumericEquals":3,"Next":"Three"},
              {"And":[{"Variable":"$.w","IsPresent":true},{"Variable":"$.v","NumericEqualsPath":"$.w"}],"Next":"Same"},
              {"Variable":"$.v","TimestampGreaterThan":"2016-01-01T00:00:00Z","Next":"Stamp"},
              {"Variable":"$.v","StringMatches":"log-*.txt","Next":"Log"},
              {"Not":{"Variable":"$.v","IsBoolean":false},"Next":"Bool"},
              {"Or":[{"Variable":"$.v","IsNull":true},{"Variable":"$.v","IsNumeric":true}],"Next":"Null"}],
              "Default":"Other"},
             "Three":{"Type":"Succeed"},"Same":{"Type":"Succeed"},"Stamp":{"Type":"Succeed"},"Log":{"Type":"Succeed"},
             "Bool":{"Type":"Succeed"},"Null":{"Type":"Succeed"},"Other":{"Type":"Succeed"}}}
            """;

        var result = await _harness.RunAsync(Definition, input);

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal(expected, HistoryText.Single(result, HistoryEventType.SucceedStateEntered).StateName);
    }

    [Fact]
    public async Task Choice_MissingVariable_FailsWithStatesRuntime()
    {
        const string Definition = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.resuming","BooleanEquals":true,"Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}""";

        var result = await _harness.RunAsync(Definition, "{}");

        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("An error occurred while executing the state 'C' (entered at the event id #2). Invalid path '$.resuming': The choice state's condition path references an invalid value.", result.Cause);
    }

    [Fact]
    public async Task Choice_NoMatchAndNoDefault_FailsWithNoChoiceMatched()
    {
        const string Definition = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.v","StringEquals":"x","Next":"D"}]},"D":{"Type":"Succeed"}}}""";

        var result = await _harness.RunAsync(Definition, """{"v":"y"}""");

        Assert.Equal("States.NoChoiceMatched", result.Error);
        Assert.Equal(["1 0 ExecutionStarted", "2 0 ChoiceStateEntered", "3 2 ExecutionFailed"], HistoryText.Chain(result));
    }

    [Fact]
    public async Task Fail_ErrorPathAndCausePath_SelectFromTheInput()
    {
        const string Definition = """{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"States.Format('at {}', $.where)"}}}""";

        var result = await _harness.RunAsync(Definition, """{"e":"Boom","where":"home"}""");

        Assert.Equal(ExecutionResult.Failed, result.Status);
        Assert.Equal(("Boom", "at home"), (result.Error, result.Cause));
        Assert.Equal(["1 0 ExecutionStarted", "2 0 FailStateEntered", "3 2 ExecutionFailed"], HistoryText.Chain(result));
    }
}
