using BenchmarkDotNet.Attributes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Benchmarks;

/// <summary>Reading and planning a history at the AWS maximum of 25,000 events (about 26 MB).</summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private byte[] _history = [];
    private StateMachineDefinition _definition = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchPaths.GeneratedHistory(25_000);
        _history = File.ReadAllBytes(path);
        _definitionText = File.ReadAllText(Path.ChangeExtension(path, ".asl.json"));
        _definition = AslParser.Parse(_definitionText).Definition!;
        _plan = ReadAndPlan();
    }

    private string _definitionText = "";
    private ResumePlan _plan = null!;

    [Benchmark]
    public ExecutionHistory Read() => ExecutionHistory.Parse(_history);

    [Benchmark]
    public ExecutionTimeline ReadAndBuildTimeline() => ExecutionTimeline.Build(ExecutionHistory.Parse(_history));

    [Benchmark]
    public AslParseResult ParseDefinition() => AslParser.Parse(_definitionText);

    [Benchmark]
    public StateMachineDefinition RewriteDefinition() => DefinitionRewriter.Apply(_definition, _plan);

    [Benchmark]
    public ResumePlan ReadAndPlan() => ResumePlanner.Plan(_definition, ExecutionHistory.Parse(_history), new ResumeOptions { StateMachineName = "OrderPipeline" });
}
