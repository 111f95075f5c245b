using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tests.Support;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Runtime;

/// <summary>Runs every benchmark workload of shared/workloads and checks its output and counts against the generator's figures.</summary>
public sealed class WorkloadTests
{
    public static TheoryData<string> Workloads => new()
    {
        "noop-1", "pass-chain-1000", "choice-loop-10000", "map-10000", "parallel-fanout", "task-chain-1000", "retry-catch",
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task RunAsync_Workload_MatchesExpectedOutputAndCounts(string name)
    {
        var workload = Workload.Load(name);
        var harness = new EngineHarness(Workload.AddFunctions, workload.Configure);

        var result = await harness.RunAsync(workload.Definition, workload.Input);

        Assert.Equal(ExecutionResult.Succeeded, result.Status);
        Assert.True(JsonNode.DeepEquals(workload.Expected, JsonNode.Parse(result.Output!)), "output differs from " + name + ".expected.json");
        Assert.Equal(workload.StatesEntered, result.StatesEntered);
        Assert.Equal(workload.Retries, result.Retries);
        Assert.Equal(workload.TaskCalls, result.TaskCalls);
        Assert.Equal(workload.TaskCalls, harness.Invoker.Calls.Count);
        Assert.Equal(result.Events.Count, result.Events[^1].Id);
    }
}

/// <summary>One workload of shared/workloads: definition, input, expected output and counts.</summary>
internal sealed record Workload(string Name, string Definition, string Input, JsonNode? Expected, long StatesEntered, long Retries, long TaskCalls, Dictionary<string, TimeSpan> Overrides)
{
    public static Workload Load(string name)
    {
        string Read(string suffix) => File.ReadAllText(RepoPaths.InShared("workloads", name + suffix));
        var meta = JsonNode.Parse(Read(".meta.json"))!;
        var overrides = meta["retry_interval_overrides_ms"]!.AsObject()
            .ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value!.GetValue<double>()));
        return new Workload(
            name,
            Read(".asl.json"),
            Read(".input.json"),
            JsonNode.Parse(Read(".expected.json")),
            meta["states_entered"]!.GetValue<long>(),
            meta["retries"]!.GetValue<long>(),
            meta["task_calls"]!.GetValue<long>(),
            overrides);
    }

    /// <summary>Workloads run past the 25,000-event and 256 KiB quotas, and their retry pauses are overridden.</summary>
    public EngineOptions Configure(EngineOptions options) => new()
    {
        TimeProvider = options.TimeProvider,
        FastForward = options.FastForward,
        LambdaInvoker = options.LambdaInvoker,
        NewGuid = options.NewGuid,
        NextRandom = options.NextRandom,
        AccountId = options.AccountId,
        MaxHistoryEvents = null,
        MaxPayloadBytes = null,
        RetryPauseOverrides = Overrides,
    };

    /// <summary>identity and fail3-then-succeed, as shared/workloads/README.md describes them.</summary>
    public static void AddFunctions(DelegateInvoker invoker)
    {
        var attempts = new Dictionary<long, int>();
        invoker.Add("identity", payload => payload);
        invoker.Add("fail3-then-succeed", invocation =>
        {
            Assert.True(JsonNodes.TryGetInt64(invocation.Payload?["i"], out var i));
            if (i % 100 == 99)
            {
                return DelegateInvoker.Thrown("Fatal", "permanent failure i=" + i);
            }

            var k = attempts[i] = attempts.GetValueOrDefault(i) + 1;
            return k <= 3
                ? DelegateInvoker.Thrown("Transient", "attempt " + k + " of i=" + i)
                : new LambdaOutcome.Succeeded(new JsonObject { ["attempts"] = k });
        });
    }
}
