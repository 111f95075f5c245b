using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Engine.Tasks.Mocking;

namespace SfnResume.Engine.Tests.Tasks;

public sealed class LambdaResolverTests
{
    private const string Mocks = """
        {"StateMachines":{"Flow":{"TestCases":{"Case":{"Charge":"R"}}}},
         "MockedResponses":{"R":{"0-9":{"Return":{"from":"mock"}}}}}
        """;

    private static readonly MockTestCase s_testCase = MockConfig.Parse(Mocks, "mocks.json").GetTestCase("Flow", "Case");

    private static LambdaInvocation Call(string resource, string state = "Charge") =>
        new(LambdaFunctionRef.Parse(resource), JsonNode.Parse("{\"x\":1}"), "Flow", state, 0, "arn:exec");

    private static Source Named(string name) => new(name);

    [Fact]
    public async Task InvokeAsync_HandlerForName_ServesEveryVersionAndAliasOfIt()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async () => ({ from: 'js' });");
        var resolver = new LambdaResolver(
            new Dictionary<string, ILambdaInvoker> { ["charge"] = handler }, Named("endpoint"), new MockConfigInvoker(s_testCase),
            new DelegateLambdaInvoker().Add("charge", _ => JsonValue.Create("delegate")));

        foreach (var resource in new[] { "arn:aws:lambda:us-east-1:1:function:charge", "arn:aws:lambda:us-east-1:1:function:charge:live", "charge:3" })
        {
            var outcome = await resolver.InvokeAsync(Call(resource), default);
            Assert.Equal("{\"from\":\"js\"}", Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
        }
    }

    [Fact]
    public async Task InvokeAsync_Precedence_EndpointThenMockThenDelegate()
    {
        var delegates = new DelegateLambdaInvoker().Add("charge", _ => JsonValue.Create("delegate"));

        var withEndpoint = new LambdaResolver(endpoint: Named("endpoint"), mocks: new MockConfigInvoker(s_testCase), delegates: delegates);
        var withMock = new LambdaResolver(delegates: delegates).WithMockTestCase(s_testCase);
        var delegatesOnly = new LambdaResolver(delegates: delegates);

        Assert.Equal("\"endpoint\"", Payload(await withEndpoint.InvokeAsync(Call("charge"), default)));
        Assert.Equal("{\"from\":\"mock\"}", Assert.IsType<LambdaOutcome.Mocked>(await withMock.InvokeAsync(Call("charge"), default)).Result!.ToJsonString());
        // A state the test case does not mock goes on to the next source.
        Assert.Equal("\"delegate\"", Payload(await withMock.InvokeAsync(Call("charge", state: "Other"), default)));
        Assert.Equal("\"delegate\"", Payload(await delegatesOnly.InvokeAsync(Call("charge"), default)));
    }

    [Fact]
    public async Task InvokeAsync_NothingServes_FailsNamingResourceAndHowToMapIt()
    {
        var resolver = new LambdaResolver(delegates: new DelegateLambdaInvoker().Add("other", n => n));

        var failed = Assert.IsType<LambdaOutcome.Failed>(await resolver.InvokeAsync(Call("arn:aws:lambda:us-east-1:1:function:charge:live"), default));

        Assert.Equal("Lambda.ResourceNotFoundException", failed.Error);
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:1:function:charge:live (state 'Charge'). Nothing serves Lambda function " +
            "'charge' locally: map it with --lambda charge=handler.js or send Lambda calls to an endpoint with --lambda-endpoint URL.", failed.Cause);
    }

    [Fact]
    public async Task DelegateInvoker_ExceptionsBecomeFailures()
    {
        var delegates = new DelegateLambdaInvoker()
            .Add("typed", _ => throw new LambdaFunctionException("Transient", "try again"))
            .Add("clr", _ => throw new InvalidOperationException("bad state"));

        var typed = Assert.IsType<LambdaOutcome.Failed>(await delegates.InvokeAsync(Call("typed"), default));
        var clr = Assert.IsType<LambdaOutcome.Failed>(await delegates.InvokeAsync(Call("clr"), default));

        Assert.Equal(new LambdaOutcome.Failed("Transient", "{\"errorType\":\"Transient\",\"errorMessage\":\"try again\",\"trace\":[]}"), typed);
        Assert.Equal("InvalidOperationException", clr.Error);
    }

    [Fact]
    public async Task Route_SameSourcesAsInvokeAsync_ChoosesTheSameInvoker()
    {
        var endpoint = Named("endpoint");
        var delegates = new DelegateLambdaInvoker().Add("charge", _ => JsonValue.Create("delegate"));
        var handler = Named("handler");
        var withHandler = new LambdaResolver(new Dictionary<string, ILambdaInvoker> { ["charge"] = handler }, endpoint, delegates: delegates);
        var withMock = new LambdaResolver(delegates: delegates).WithMockTestCase(s_testCase);

        Assert.Same(handler, withHandler.Route("charge", "Charge").Target);
        Assert.Same(endpoint, withHandler.Route("other", "Charge").Target);
        Assert.IsType<MockConfigInvoker>(withMock.Route("charge", "Charge").Target);
        Assert.Equal("\"delegate\"", Payload(await withMock.Route("charge", "Other").InvokeAsync(Call("charge", state: "Other"), default)));
        Assert.Null(withMock.Route("missing", "Other").Target);
    }

    [Fact]
    public void Route_DelegateAddedLater_MakesTheRouteStale()
    {
        var delegates = new DelegateLambdaInvoker().Add("other", n => n);
        var route = new LambdaResolver(delegates: delegates).Route("charge", "Charge");
        Assert.True(route.IsCurrent);

        delegates.Add("charge", n => n);

        Assert.False(route.IsCurrent);
    }

    [Fact]
    public async Task RunAsync_FunctionAddedBetweenRuns_SecondRunCallsIt()
    {
        const string Definition = """
            {"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:charge","End":true}}}
            """;
        var delegates = new DelegateLambdaInvoker().Add("other", n => n);
        var engine = new StepFunctionsEngine(new EngineOptions { FastForward = true, LambdaInvoker = new LambdaResolver(delegates: delegates) });
        var machine = engine.Compile(Support.EngineHarness.Parse(Definition));
        var request = new ExecutionRequest("arn:aws:states:us-east-1:111111111111:stateMachine:machine", "exec", "{\"x\":1}");

        var first = await engine.RunAsync(machine, request);
        delegates.Add("charge", _ => JsonValue.Create("charged"));
        var second = await engine.RunAsync(machine, request);

        Assert.Equal(("FAILED", "Lambda.ResourceNotFoundException"), (first.Status, first.Error));
        Assert.Equal(("SUCCEEDED", "\"charged\""), (second.Status, second.Output));
    }

    private static string Payload(LambdaOutcome outcome) =>
        Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString();

    private sealed class Source(string name) : ILambdaInvoker
    {
        public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
            new(new LambdaOutcome.Succeeded(JsonValue.Create(name)));
    }
}
