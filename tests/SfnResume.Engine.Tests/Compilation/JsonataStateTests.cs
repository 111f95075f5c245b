using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.Compilation;

public sealed class JsonataStateTests
{
    private const string Function = "arn:aws:lambda:us-east-1:111111111111:function:";

    private static string Machine(string states, string start = "S") =>
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"" + start + "\",\"States\":" + states + "}";

    private static HistoryEvent Single(ExecutionResult result, HistoryEventType type) => Assert.Single(result.Events, e => e.Type == type);

    [Fact]
    public async Task Pass_Output_WalksObjectsAndArraysAndKeepsPlainStrings()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""{"S":{"Type":"Pass","Output":{"sum":"{% $states.input.a + 1 %}","list":["{% $states.input.a %}","plain {% text"],"name":"{% $states.context.Execution.Name %}"},"End":true}}"""),
            """{"a": 2}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""{"sum":3,"list":[2,"plain {% text"],"name":"exec"}""", result.Output);
    }

    [Fact]
    public async Task Assign_ReadsValuesFromBeforeTheStateAndIsVisibleToTheNextState()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""
                {"S":{"Type":"Pass","Assign":{"x":1,"y":2},"Next":"Swap"},
                 "Swap":{"Type":"Pass","Assign":{"x":"{% $y %}","y":"{% $x %}"},"Output":"{% [$x, $y] %}","Next":"Read"},
                 "Read":{"Type":"Pass","Output":"{% [$x, $y] %}","End":true}}
                """),
            "{}");

        Assert.Equal("[2,1]", result.Output);
        var exited = result.Events.Where(e => e.Type == HistoryEventType.PassStateExited).ToList();
        Assert.Equal("[1,2]", exited[1].StateExitedEventDetails!.Output);
        Assert.Equal("2", exited[1].StateExitedEventDetails!.AssignedVariables!["x"]);
    }

    [Fact]
    public async Task Output_Undefined_RecordsEvaluationFailedWithTheFieldLocation()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Pass","Output":{"result":"{% $doesNotExist %}"},"End":true}}"""), "{}");

        Assert.Equal(ExecutionResult.Failed, result.Status);
        Assert.Equal("States.QueryEvaluationError", result.Error);
        var details = Single(result, HistoryEventType.EvaluationFailed).EvaluationFailedEventDetails!;
        Assert.Equal("Output/result", details.Location);
        Assert.Equal("S", details.State);
        Assert.Equal(
            "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
            details.Cause);
        Assert.Equal(details.Cause, result.Cause);
    }

    [Fact]
    public async Task Output_ThrownError_CarriesTheJsonataCode()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Pass","Output":"{% $nope(1) %}","End":true}}"""), "{}");

        Assert.EndsWith("specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function", result.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "Big")]
    [InlineData(1, "Small")]
    public async Task Choice_Condition_PicksTheRuleAndRunsItsOutput(int value, string expected)
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""
                {"S":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.v > 3 %}","Next":"Big","Output":{"rule":"Big"}}],"Default":"Small","Output":{"rule":"Small"}},
                 "Big":{"Type":"Succeed"},"Small":{"Type":"Succeed"}}
                """),
            "{\"v\":" + value + "}");

        Assert.Equal("{\"rule\":\"" + expected + "\"}", result.Output);
    }

    [Fact]
    public async Task Choice_NonBooleanCondition_FailsWithQueryEvaluationError()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""{"S":{"Type":"Choice","Choices":[{"Condition":"{% 1 %}","Next":"T"}],"Default":"T"},"T":{"Type":"Succeed"}}"""), "{}");

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal("Condition", Single(result, HistoryEventType.EvaluationFailed).EvaluationFailedEventDetails!.Location);
        Assert.EndsWith("returned an unexpected result type. Expected 'boolean', but was 'number' for value: 1", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_ArgumentsArePayloadAndResultFeedsOutputAndAssign()
    {
        var harness = new EngineHarness(f => f.Add("double", p => JsonValue.Create(p!["n"]!.GetValue<long>() * 2)));
        var result = await harness.RunAsync(
            Machine("{\"S\":{\"Type\":\"Task\",\"Resource\":\"" + Function + "double\",\"Arguments\":{\"n\":\"{% $states.input.x %}\"},"
                + "\"TimeoutSeconds\":\"{% 5 * 2 %}\",\"Assign\":{\"r\":\"{% $states.result %}\"},\"Output\":{\"out\":\"{% $states.result %}\",\"in\":\"{% $states.input.x %}\"},\"Next\":\"R\"},"
                + "\"R\":{\"Type\":\"Pass\",\"Output\":\"{% $r %}\",\"End\":true}}"),
            """{"x": 21}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""{"n":21}""", Single(result, HistoryEventType.LambdaFunctionScheduled).LambdaFunctionScheduledEventDetails!.Input);
        Assert.Equal(10, Single(result, HistoryEventType.LambdaFunctionScheduled).LambdaFunctionScheduledEventDetails!.TimeoutInSeconds);
        Assert.Equal("""{"out":42,"in":21}""", result.Events.First(e => e.Type == HistoryEventType.TaskStateExited).StateExitedEventDetails!.Output);
        Assert.Equal("42", result.Output);
    }

    [Fact]
    public async Task Task_ArgumentsUndefined_RecordsArgumentsLocation()
    {
        var harness = new EngineHarness(f => f.Add("id", p => p));
        var result = await harness.RunAsync(
            Machine("{\"S\":{\"Type\":\"Task\",\"Resource\":\"" + Function + "id\",\"Arguments\":\"{% $doesNotExist %}\",\"End\":true}}"), "{}");

        Assert.Equal("Arguments", Single(result, HistoryEventType.EvaluationFailed).EvaluationFailedEventDetails!.Location);
        Assert.Empty(harness.Invoker.Calls);
    }

    [Fact]
    public async Task Catch_OutputAndAssignReadErrorOutput()
    {
        var harness = new EngineHarness(f => f.Add("boom", _ => DelegateInvoker.Thrown("Boom", "bad")));
        var result = await harness.RunAsync(
            Machine("{\"S\":{\"Type\":\"Task\",\"Resource\":\"" + Function + "boom\",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"R\","
                + "\"Assign\":{\"err\":\"{% $states.errorOutput.Error %}\"},\"Output\":{\"kept\":\"{% $states.input.k %}\"}}],\"End\":true},"
                + "\"R\":{\"Type\":\"Pass\",\"Output\":\"{% [$err, $states.input.kept] %}\",\"End\":true}}"),
            """{"k": "v"}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""["Boom","v"]""", result.Output);
    }

    [Fact]
    public async Task Wait_SecondsExpression_WaitsOnTheClock()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Wait","Seconds":"{% $states.input.s %}","End":true}}"""), """{"s": 30}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task Wait_InvalidTimestamp_RecordsTimestampLocation()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Wait","Timestamp":"{% $states.input.t %}","End":true}}"""), """{"t": "2016-13-05T21:29:29Z"}""");

        var details = Single(result, HistoryEventType.EvaluationFailed).EvaluationFailedEventDetails!;
        Assert.Equal("Timestamp", details.Location);
        Assert.EndsWith("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-13-05T21:29:29Z", details.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_ErrorAndCauseExpressions()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""{"S":{"Type":"Fail","Error":"{% $states.input.e %}","Cause":"{% 'because ' & $states.input.e %}"}}"""), """{"e": "Oops"}""");

        Assert.Equal("Oops", result.Error);
        Assert.Equal("because Oops", result.Cause);
    }

    [Fact]
    public async Task MixedQueryLanguages_JsonPathStateBesideJsonataState()
    {
        var result = await new EngineHarness().RunAsync(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$.a"},"Next":"J"},"J":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.v * 10 %}","End":true}}}""",
            """{"a": 4}""");

        Assert.Equal("40", result.Output);
    }

    [Fact]
    public async Task Map_ItemsItemSelectorAndLimitExpressions()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""
                {"S":{"Type":"Map","Items":"{% $states.input.xs %}","MaxConcurrency":"{% 1 %}","ToleratedFailureCount":"{% 0 %}",
                 "ItemSelector":{"v":"{% $states.context.Map.Item.Value * $states.input.k %}","i":"{% $states.context.Map.Item.Index %}"},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                 "Output":{"all":"{% $states.result %}"},"End":true}}
                """),
            """{"xs":[1,2],"k":10}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""{"all":[{"v":10,"i":0},{"v":20,"i":1}]}""", result.Output);
    }

    [Fact]
    public async Task Map_ItemsNotAnArray_RecordsEvaluationFailedThenMapStateFailed()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""{"S":{"Type":"Map","Items":"{% 1 %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}"""), "{}");

        var types = result.Events.Select(e => e.Type).ToList();
        Assert.Equal([HistoryEventType.ExecutionStarted, HistoryEventType.MapStateEntered, HistoryEventType.EvaluationFailed, HistoryEventType.MapStateFailed, HistoryEventType.ExecutionFailed], types);
        Assert.Equal(0, result.Events[2].PreviousEventId);
        Assert.Equal("Items", result.Events[2].EvaluationFailedEventDetails!.Location);
        Assert.EndsWith("The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_ArgumentsFeedBranchesAndResultFeedsOutput()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""
                {"S":{"Type":"Parallel","Arguments":{"n":"{% $states.input.n + 1 %}"},
                 "Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.n %}","End":true}}},
                             {"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.n * 2 %}","End":true}}}],
                 "Output":"{% $sum($states.result) %}","End":true}}
                """),
            """{"n": 1}""");

        Assert.Equal("6", result.Output);
    }

    [Fact]
    public async Task Assign_InnerScopeReadsOuterVariables()
    {
        var result = await new EngineHarness().RunAsync(
            Machine("""
                {"S":{"Type":"Pass","Assign":{"base":100},"Next":"M"},
                 "M":{"Type":"Map","Items":[1,2],"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $base + $states.input %}","End":true}}},"End":true}}
                """),
            "{}");

        Assert.Equal("[101,102]", result.Output);
    }

    [Fact]
    public async Task Output_JsonNull_IsKeptAsNull()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Pass","Output":null,"End":true}}"""), """{"a":1}""");

        Assert.Equal("null", result.Output);
    }

    [Fact]
    public async Task Clock_AndRandomness_ComeFromEngineOptions()
    {
        var result = await new EngineHarness().RunAsync(Machine("""{"S":{"Type":"Pass","Output":{"now":"{% $now() %}","r":"{% $random() %}"},"End":true}}"""), "{}");

        Assert.Equal("""{"now":"2024-06-01T12:00:00.000Z","r":0.5}""", result.Output);
    }

    [Fact]
    public async Task Task_ArgumentsError_IsCaughtByStatesAll()
    {
        var harness = new EngineHarness(f => f.Add("id", p => p));
        var result = await harness.RunAsync(
            Machine("{\"S\":{\"Type\":\"Task\",\"Resource\":\"" + Function + "id\",\"Arguments\":\"{% $nope %}\",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"R\","
                + "\"Output\":\"{% $states.errorOutput.Error %}\"}],\"End\":true},\"R\":{\"Type\":\"Succeed\"}}"),
            "{}");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("\"States.QueryEvaluationError\"", result.Output);
        Assert.Single(result.Events, e => e.Type == HistoryEventType.EvaluationFailed);
    }

    [Fact]
    public async Task Task_LambdaInvoke_ArgumentsHoldFunctionNameAndPayload()
    {
        var harness = new EngineHarness(f => f.Add("echo", p => p));
        var result = await harness.RunAsync(
            Machine("{\"S\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Arguments\":{\"FunctionName\":\"" + Function + "echo\","
                + "\"Payload\":{\"v\":\"{% $states.input.v %}\"}},\"Output\":\"{% $states.result.Payload %}\",\"End\":true}}"),
            """{"v": 7}""");

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.Equal("""{"v":7}""", result.Output);
    }
}
