using BenchmarkDotNet.Attributes;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;

namespace SfnResume.Benchmarks;

/// <summary>
/// The shared workloads without Task states on the local engine, in process, with full history recording (every
/// event stays in <see cref="ExecutionResult.Events"/>). Divide the time by the workload's transitions
/// (NAME.meta.json) for the cost per transition. Nothing is rebuilt between runs, so BenchmarkDotNet is free to
/// batch invocations; the Task workloads are in <see cref="EngineWorkloadTaskBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class EngineWorkloadBenchmarks
{
    private StepFunctionsEngine _engine = null!;
    private CompiledStateMachine _machine = null!;
    private BenchWorkload _workload = null!;

    [Params("noop-1", "pass-chain-1000", "choice-loop-10000", "map-10000", "parallel-fanout")]
    public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _workload = BenchWorkload.Load(Workload);
        _engine = new StepFunctionsEngine(_workload.Options(lambdas: null));
        _machine = _engine.Compile(_workload.Definition);
        _workload.Check(Run().GetAwaiter().GetResult());
    }

    [Benchmark]
    public Task<ExecutionResult> Run() => _workload.RunAsync(_engine, _machine);
}
