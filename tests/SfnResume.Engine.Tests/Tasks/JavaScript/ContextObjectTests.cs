using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>The per-invocation fields of the handler's context object.</summary>
public sealed class ContextObjectTests
{
    private static JavaScriptLambdaOptions Options() => new()
    {
        FunctionName = "fn",
        TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    [Fact]
    public async Task Context_DefaultRequestIds_CountUpInTheLastGroup()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("exports.handler = async (e, context) => context.awsRequestId;", Options());

        var first = await handler.InvokeAsync(JsonNode.Parse("{}"));
        var second = await handler.InvokeAsync(JsonNode.Parse("{}"));

        Assert.Equal("\"00000000-0000-4000-8000-000000000001\"", Assert.IsType<LambdaOutcome.Succeeded>(first).Payload!.ToJsonString());
        Assert.Equal("\"00000000-0000-4000-8000-000000000002\"", Assert.IsType<LambdaOutcome.Succeeded>(second).Payload!.ToJsonString());
    }
}
