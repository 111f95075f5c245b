using System.Diagnostics;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;
using Xunit.Abstractions;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Per-call overhead of the workload identity handler on a small object (task-chain-1000's shape).</summary>
public sealed class JavaScriptLambdaHandlerSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task InvokeAsync_IdentityHandler_PerCallOverheadIsSmall()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(RepoPaths.InShared("workloads", "lambdas", "identity.js"));
        var payload = JsonNode.Parse(File.ReadAllText(RepoPaths.InShared("workloads", "task-chain-1000.input.json")));
        var invocation = new LambdaInvocation(LambdaFunctionRef.Parse("identity"), payload, "sm", "T", 0, "arn:exec");

        for (var i = 0; i < 20_000; i++)
        {
            await handler.InvokeAsync(invocation, CancellationToken.None);
        }

        const int calls = 100_000;
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await handler.InvokeAsync(invocation, CancellationToken.None);
            }

            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / calls);
        }

        output.WriteLine($"identity handler: {best:F3} us per call (payload {payload!.ToJsonString()})");
        // A loose bound so that a busy shared machine does not fail the build; the figure above is what matters.
        Assert.True(best < 50, $"{best:F3} us per call");
    }
}
