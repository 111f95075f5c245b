using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SfnResume.Core.Asl;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Benchmarks;

/// <summary>
/// The shared workloads on the local engine, in process, with full history recording. Task workloads call
/// the workloads' own Node.js handlers through the embedded JavaScript engine; divide the time by the
/// workload's transitions (NAME.meta.json) for the cost per transition.
/// </summary>
[MemoryDiagnoser]
public class EngineWorkloadBenchmarks
{
    private StepFunctionsEngine _engine = null!;
    private CompiledStateMachine _machine = null!;
    private StateMachineDefinition _definition = null!;
    private string _input = "";
    private Dictionary<string, TimeSpan> _overrides = [];
    private LambdaResolver? _lambdas;

    [Params("noop-1", "pass-chain-1000", "choice-loop-10000", "map-10000", "parallel-fanout", "task-chain-1000", "retry-catch")]
    public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string Read(string suffix) => File.ReadAllText(Path.Combine(BenchPaths.Shared, "workloads", Workload + suffix));
        _definition = AslParser.Parse(Read(".asl.json")).Definition!;
        _input = Read(".input.json");
        _overrides = JsonNode.Parse(Read(".meta.json"))!["retry_interval_overrides_ms"]!.AsObject()
            .ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value!.GetValue<double>()));
        NewEngine();
    }

    /// <summary>Fresh handlers each iteration: fail3-then-succeed counts attempts in module state.</summary>
    [IterationSetup]
    public void NewHandlers()
    {
        if (Workload is "task-chain-1000" or "retry-catch")
        {
            var lambdas = Path.Combine(BenchPaths.Shared, "workloads", "lambdas");
            _lambdas = new LambdaResolver(new Dictionary<string, ILambdaInvoker>
            {
                ["identity"] = JavaScriptLambdaHandler.FromFile(Path.Combine(lambdas, "identity.js"), new JavaScriptLambdaOptions { FunctionName = "identity" }),
                ["fail3-then-succeed"] = JavaScriptLambdaHandler.FromFile(Path.Combine(lambdas, "fail3-then-succeed.js"), new JavaScriptLambdaOptions { FunctionName = "fail3-then-succeed" }),
            });
            NewEngine();
        }
    }

    [Benchmark]
    public async Task<ExecutionResult> Run()
    {
        var result = await _engine.RunAsync(_machine, new ExecutionRequest("arn:aws:states:us-east-1:123456789012:stateMachine:" + Workload, "bench", _input)).ConfigureAwait(false);
        if (result.Status != ExecutionResult.Succeeded)
        {
            throw new InvalidOperationException($"{Workload} ended {result.Status}: {result.Error} {result.Cause}");
        }

        return result;
    }

    private void NewEngine()
    {
        _engine = new StepFunctionsEngine(new EngineOptions
        {
            FastForward = true,
            LambdaInvoker = _lambdas,
            MaxHistoryEvents = null,
            MaxPayloadBytes = null,
            RetryPauseOverrides = _overrides,
        });
        _machine = _engine.Compile(_definition);
    }
}
