using BenchmarkDotNet.Attributes;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Benchmarks;

/// <summary>
/// The Task workloads on the local engine with the workloads' own Node.js handlers on the embedded JavaScript engine,
/// with full history recording. Divide the time by the workload's transitions (NAME.meta.json).
/// </summary>
/// <remarks>
/// <c>identity</c> keeps no state, so one warm handler serves every run. <c>fail3-then-succeed</c> counts attempts in
/// module state, so each run of retry-catch needs a fresh one: it is built inside the measured method and its cold
/// start (engine, runtime script, module load) is part of the measured time; nothing is subtracted. No iteration
/// setup is used, so BenchmarkDotNet keeps its usual invocation batching for both workloads.
/// </remarks>
[MemoryDiagnoser]
public class EngineWorkloadTaskBenchmarks
{
    private readonly HandlerSlot _flaky = new();
    private StepFunctionsEngine _engine = null!;
    private CompiledStateMachine _machine = null!;
    private BenchWorkload _workload = null!;
    private JavaScriptLambdaHandler? _identity;

    [Params("task-chain-1000", "retry-catch")]
    public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _workload = BenchWorkload.Load(Workload);
        var lambdas = new LambdaResolver(new Dictionary<string, ILambdaInvoker>
        {
            ["identity"] = _identity = Handler("identity"),
            ["fail3-then-succeed"] = _flaky,
        });
        _engine = new StepFunctionsEngine(_workload.Options(lambdas));
        _machine = _engine.Compile(_workload.Definition);
        _workload.Check(Run().GetAwaiter().GetResult());
    }

    [Benchmark]
    public Task<ExecutionResult> Run()
    {
        if (Workload == "retry-catch")
        {
            var previous = _flaky.Handler;
            _flaky.Handler = Handler("fail3-then-succeed");
            previous?.Dispose();
        }

        return _workload.RunAsync(_engine, _machine);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _identity?.Dispose();
        _flaky.Handler?.Dispose();
    }

    private static JavaScriptLambdaHandler Handler(string name) =>
        JavaScriptLambdaHandler.FromFile(
            Path.Combine(BenchPaths.Shared, "workloads", "lambdas", name + ".js"), new JavaScriptLambdaOptions { FunctionName = name });

    /// <summary>Lets each run put a fresh handler behind a machine compiled once.</summary>
    private sealed class HandlerSlot : ILambdaInvoker
    {
        public JavaScriptLambdaHandler? Handler { get; set; }

        public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
            Handler!.InvokeAsync(invocation, cancellationToken);
    }
}
