using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SfnResume.Engine;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Tasks;

namespace SfnResume.Benchmarks;

/// <summary>
/// The Task workloads on the local engine with C# delegates in place of the workloads' Node.js handlers, with full
/// history recording: what remains is the engine's own cost per Task transition. Divide the time by the workload's
/// transitions (NAME.meta.json).
/// </summary>
/// <remarks>
/// The delegates behave as <c>lambdas/identity.js</c> and <c>lambdas/fail3-then-succeed.js</c> do under the Node.js
/// runtime: identity returns its event; fail3-then-succeed fails with <c>Fatal</c> when <c>i % 100 == 99</c> and
/// with <c>Transient</c> on the first 3 attempts of each <c>i</c>, and its failures carry the runtime's error document
/// (errorType, errorMessage, trace headed by <c>Error: message</c>, as Node's stack of a renamed error reads, then the handler's frame as the embedded runtime reports it). The
/// attempt counts are reset at the start of each run, as a fresh handler's module state would be. Calls go through a
/// <see cref="LambdaResolver"/>, as the command line's <c>--lambda</c> mappings do.
/// </remarks>
[MemoryDiagnoser]
public class EngineWorkloadDelegateBenchmarks
{
    private static readonly string s_script = Path.Combine(BenchPaths.Shared, "workloads", "lambdas", "fail3-then-succeed.js");
    private static readonly string s_fatalFrame = "    at handler (" + s_script + ":8:19)";
    private static readonly string s_transientFrame = "    at handler (" + s_script + ":15:23)";
    private readonly Dictionary<long, int> _attempts = [];
    private StepFunctionsEngine _engine = null!;
    private CompiledStateMachine _machine = null!;
    private BenchWorkload _workload = null!;

    [Params("task-chain-1000", "retry-catch")]
    public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _workload = BenchWorkload.Load(Workload);
        var delegates = new DelegateLambdaInvoker()
            .Add("identity", (invocation, _) => new ValueTask<LambdaOutcome>(new LambdaOutcome.Succeeded(invocation.Payload)))
            .Add("fail3-then-succeed", (invocation, _) => new ValueTask<LambdaOutcome>(FailThreeThenSucceed(invocation.Payload)));
        _engine = new StepFunctionsEngine(_workload.Options(new LambdaResolver(delegates: delegates)));
        _machine = _engine.Compile(_workload.Definition);
        _workload.Check(Run().GetAwaiter().GetResult());
    }

    [Benchmark]
    public Task<ExecutionResult> Run()
    {
        _attempts.Clear();
        return _workload.RunAsync(_engine, _machine);
    }

    private LambdaOutcome FailThreeThenSucceed(JsonNode? payload)
    {
        var i = Integer(payload!["i"]!.AsValue());
        if (i % 100 == 99)
        {
            return NodeError("Fatal", string.Create(CultureInfo.InvariantCulture, $"permanent failure i={i}"), s_fatalFrame);
        }

        _attempts.TryGetValue(i, out var k);
        _attempts[i] = ++k;
        if (k <= 3)
        {
            return NodeError("Transient", string.Create(CultureInfo.InvariantCulture, $"attempt {k} of i={i}"), s_transientFrame);
        }

        return new LambdaOutcome.Succeeded(new JsonObject { ["attempts"] = k });
    }

    /// <summary>The integer <c>i</c>: parsed from the input text or made by States.MathAdd (an int or a long node).</summary>
    private static long Integer(JsonValue value) =>
        value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var n) ? n : (long)value.GetValue<decimal>();

    /// <summary>The Node.js runtime's error document for an <c>Error</c> renamed to <paramref name="name"/> (nothing here needs escaping).</summary>
    private static LambdaOutcome.Failed NodeError(string name, string message, string frame) =>
        new(name, $$"""{"errorType":"{{name}}","errorMessage":"{{message}}","trace":["Error: {{message}}","{{frame}}"]}""");
}
