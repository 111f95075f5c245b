using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Tasks;

namespace SfnResume.Benchmarks;

/// <summary>One workload of ../shared/workloads: its definition, input, retry pause overrides and expected counts.</summary>
internal sealed class BenchWorkload
{
    private BenchWorkload(string name, StateMachineDefinition definition, string input, JsonNode meta, JsonNode? expected)
    {
        Name = name;
        Definition = definition;
        Input = input;
        Meta = meta;
        Expected = expected;
    }

    public string Name { get; }

    public StateMachineDefinition Definition { get; }

    public string Input { get; }

    private JsonNode Meta { get; }

    private JsonNode? Expected { get; }

    public static BenchWorkload Load(string name)
    {
        string Read(string suffix) => File.ReadAllText(Path.Combine(BenchPaths.Shared, "workloads", name + suffix));
        return new BenchWorkload(
            name, AslParser.Parse(Read(".asl.json")).Definition!, Read(".input.json"), JsonNode.Parse(Read(".meta.json"))!, JsonNode.Parse(Read(".expected.json")));
    }

    /// <summary>Fast-forward (retry pauses on a virtual clock), no quotas: the workloads run past AWS's history limit.</summary>
    public EngineOptions Options(ILambdaInvoker? lambdas) => new()
    {
        FastForward = true,
        LambdaInvoker = lambdas,
        MaxHistoryEvents = null,
        MaxPayloadBytes = null,
        RetryPauseOverrides = Meta["retry_interval_overrides_ms"]!.AsObject()
            .ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value!.GetValue<double>())),
    };

    public async Task<ExecutionResult> RunAsync(StepFunctionsEngine engine, CompiledStateMachine machine)
    {
        var result = await engine.RunAsync(machine, new ExecutionRequest("arn:aws:states:us-east-1:123456789012:stateMachine:" + Name, "bench", Input)).ConfigureAwait(false);
        if (result.Status != ExecutionResult.Succeeded)
        {
            throw new InvalidOperationException($"{Name} ended {result.Status}: {result.Error} {result.Cause}");
        }

        return result;
    }

    /// <summary>Checks one run against the generator's expectations, so a benchmark never times the wrong work.</summary>
    public void Check(ExecutionResult result)
    {
        var transitions = Meta["transitions"]!.GetValue<long>();
        if (result.StatesEntered + result.Retries != transitions || !JsonNode.DeepEquals(JsonNode.Parse(result.Output!), Expected))
        {
            throw new InvalidOperationException($"{Name}: {result.StatesEntered} entered + {result.Retries} retries (expected {transitions} transitions), or an unexpected output");
        }
    }
}
