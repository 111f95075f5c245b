using BenchmarkDotNet.Attributes;
using SfnResume.Core.Asl;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;

namespace SfnResume.Benchmarks;

/// <summary>
/// choice-loop-10000 on the local engine in both query languages, set up as <see cref="EngineWorkloadBenchmarks"/>
/// sets up its runs (fast-forward, full history, no history or payload quota). The JSONPath form is the baseline,
/// so the Ratio column is the JSONata form's cost relative to it. The JSONata form lives in the engine tests'
/// testdata and has the same states doing the same work.
/// </summary>
[MemoryDiagnoser]
public class JsonataWorkloadBenchmarks
{
    private const string Workload = "choice-loop-10000";

    private StepFunctionsEngine _engine = null!;
    private CompiledStateMachine _jsonPath = null!;
    private CompiledStateMachine _jsonata = null!;
    private string _input = "";

    [GlobalSetup]
    public void Setup()
    {
        var workloads = Path.Combine(BenchPaths.Shared, "workloads");
        var jsonPathDefinition = File.ReadAllText(Path.Combine(workloads, Workload + ".asl.json"));
        var jsonataDefinition = File.ReadAllText(Path.Combine(BenchPaths.Root, "tests", "SfnResume.Engine.Tests", "testdata", "workloads", Workload + "-jsonata.asl.json"));
        _input = File.ReadAllText(Path.Combine(workloads, Workload + ".input.json"));
        _engine = new StepFunctionsEngine(new EngineOptions
        {
            FastForward = true,
            MaxHistoryEvents = null,
            MaxPayloadBytes = null,
        });
        _jsonPath = _engine.Compile(AslParser.Parse(jsonPathDefinition).Definition!);
        _jsonata = _engine.Compile(AslParser.Parse(jsonataDefinition).Definition!);
    }

    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> JsonPath() => RunAsync(_jsonPath, "jsonpath");

    [Benchmark]
    public Task<ExecutionResult> Jsonata() => RunAsync(_jsonata, "jsonata");

    private async Task<ExecutionResult> RunAsync(CompiledStateMachine machine, string name)
    {
        var result = await _engine.RunAsync(machine, new ExecutionRequest("arn:aws:states:us-east-1:123456789012:stateMachine:" + Workload + "-" + name, "bench", _input)).ConfigureAwait(false);
        if (result.Status != ExecutionResult.Succeeded)
        {
            throw new InvalidOperationException($"{Workload} ({name}) ended {result.Status}: {result.Error} {result.Cause}");
        }

        return result;
    }
}
