using System.Diagnostics;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;
using Xunit.Abstractions;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Per-call overhead of the workload identity handler on a small object (task-chain-1000's shape).</summary>
[Collection(SpeedCollection.Name)]
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

        // Best of several rounds, as wall time and as process CPU time (the CPU figure is steadier on a busy machine).
        const int calls = 20_000;
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < 7; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await handler.InvokeAsync(invocation, CancellationToken.None);
            }

            bestWall = Math.Min(bestWall, sw.Elapsed.TotalMicroseconds / calls);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMicroseconds / calls);
        }

        output.WriteLine($"identity handler: {bestWall:F3} us wall, {bestCpu:F3} us CPU per call (payload {payload!.ToJsonString()})");
        // A loose bound so that a busy shared machine does not fail the build; the figures above are what matters.
        Assert.True(bestWall < 100, $"{bestWall:F3} us per call");
    }
}

/// <summary>Speed figures are taken while no other test of this assembly runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpeedCollection
{
    public const string Name = "Speed";
}
