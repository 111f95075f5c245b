using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.Mocking;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.Mocking;

public sealed class MockConfigTests
{
    private static readonly string s_file = RepoPaths.InRoot("tests", "SfnResume.Engine.Tests", "testdata", "tasks", "MockConfigFile.json");

    private static LambdaInvocation Call(string state, string execution = "arn:exec:1") =>
        new(LambdaFunctionRef.Parse("charge"), new JsonObject(), "OrderFlow", state, 0, execution);

    [Fact]
    public void Load_ReferenceExample_ReadsTestCasesAndSteps()
    {
        var config = MockConfig.Load(s_file);

        var testCase = config.GetTestCase("OrderFlow", "DeclinedTwiceThenOk");

        Assert.Equal(["OrderFlow"], config.StateMachineNames);
        var charge = testCase.Responses["ChargeCard"];
        Assert.Equal("ChargeDeclinedTwice", charge.Name);
        Assert.Equal([(0, 1), (2, 2)], charge.Steps.Select(s => (s.From, s.To)));
        Assert.Equal(new MockedError("PaymentDeclined", "{\"errorMessage\":\"card declined\"}"), charge.Steps[0].Throw);
    }

    [Fact]
    public async Task InvokeAsync_NumberedInvocations_ThrowTwiceThenReturnWholeResult()
    {
        var invoker = new MockConfigInvoker(MockConfig.Load(s_file).GetTestCase("OrderFlow", "DeclinedTwiceThenOk"));

        var first = await invoker.InvokeAsync(Call("ChargeCard"), default);
        var second = await invoker.InvokeAsync(Call("ChargeCard"), default);
        var third = await invoker.InvokeAsync(Call("ChargeCard"), default);
        var fourth = await invoker.InvokeAsync(Call("ChargeCard"), default);

        Assert.Equal(new LambdaOutcome.Failed("PaymentDeclined", "{\"errorMessage\":\"card declined\"}"), first);
        Assert.Equal(first, second);
        Assert.Equal("{\"StatusCode\":200,\"Payload\":{\"chargeId\":\"ch_002\",\"status\":\"CAPTURED\"}}",
            Assert.IsType<LambdaOutcome.Mocked>(third).Result!.ToJsonString());
        var ranOut = Assert.IsType<LambdaOutcome.Failed>(fourth);
        Assert.Equal("States.Runtime", ranOut.Error);
        Assert.Contains("invocation 3 of state 'ChargeCard'", ranOut.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CountsPerExecution()
    {
        var invoker = new MockConfigInvoker(MockConfig.Load(s_file).GetTestCase("OrderFlow", "DeclinedTwiceThenOk"));

        await invoker.InvokeAsync(Call("ChargeCard", "arn:exec:1"), default);

        Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Call("ChargeCard", "arn:exec:2"), default));
        Assert.True(invoker.Mocks("ChargeCard"));
        Assert.False(invoker.Mocks("Other"));
    }

    [Fact]
    public void GetTestCase_Unknown_NamesTestCaseAndFile()
    {
        var config = MockConfig.Load(s_file);

        var ex = Assert.Throws<MockConfigException>(() => config.GetTestCase("OrderFlow", "Nope"));

        Assert.Equal($"{s_file}: $.StateMachines.OrderFlow.TestCases: Invalid mock test case name 'Nope' for state machine 'OrderFlow'", ex.Message);
        Assert.Throws<MockConfigException>(() => config.GetTestCase("Other", "AllGood"));
    }

    [Theory]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"1\":{\"Return\":1}}}}", "$.MockedResponses.R['1']: invocations must start at 0 and follow each other: expected \"0\" or \"0-n\"")]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1},\"2\":{\"Return\":1}}}}", "$.MockedResponses.R['2']: invocations must start at 0 and follow each other: expected \"1\" or \"1-n\"")]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"x\":{\"Return\":1}}}}", "$.MockedResponses.R.x: invocation key must be \"n\" or \"from-to\" (e.g. \"0\", \"1-2\")")]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"0\":{\"Return\":1,\"Throw\":{}}}}}", "$.MockedResponses.R['0']: each step holds exactly one of 'Return' or 'Throw'")]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":\"E\"}}}}}", "$.MockedResponses.R['0'].Throw: missing 'Cause'")]
    [InlineData("{\"StateMachines\":{},\"MockedResponses\":{\"R\":{\"0\":{\"Throw\":{\"Error\":1,\"Cause\":\"c\"}}}}}", "$.MockedResponses.R['0'].Throw.Error: must be a string")]
    [InlineData("{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"Missing\"}}}},\"MockedResponses\":{}}", "$.StateMachines.M.TestCases.T.S: mocked response 'Missing' is not defined in $.MockedResponses")]
    [InlineData("{\"StateMachines\":{\"M\":{}},\"MockedResponses\":{}}", "$.StateMachines.M: missing 'TestCases'")]
    [InlineData("{\"MockedResponses\":{}}", "$: missing 'StateMachines'")]
    [InlineData("[1]", "$: must be an object")]
    public void Parse_Invalid_OneLineErrorWithFileAndPath(string json, string expected)
    {
        var ex = Assert.Throws<MockConfigException>(() => MockConfig.Parse(json, "mocks.json"));

        Assert.Equal("mocks.json: " + expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var ex = Assert.Throws<MockConfigException>(() => MockConfig.Parse("{", "mocks.json"));

        Assert.StartsWith("mocks.json: $: not valid JSON:", ex.Message, StringComparison.Ordinal);
    }
}
