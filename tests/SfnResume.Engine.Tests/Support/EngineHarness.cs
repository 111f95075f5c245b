using Microsoft.Extensions.Time.Testing;
using SfnResume.Core.Asl;

namespace SfnResume.Engine.Tests.Support;

/// <summary>An engine on a fake clock in fast-forward mode, with in-process Lambda functions.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Epoch = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public EngineHarness(Action<DelegateInvoker>? functions = null, Func<EngineOptions, EngineOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(Epoch);
        Invoker = new DelegateInvoker();
        functions?.Invoke(Invoker);
        var guid = 0;
        var options = new EngineOptions
        {
            TimeProvider = Clock,
            FastForward = true,
            LambdaInvoker = Invoker,
            NewGuid = () => new Guid(++guid, 0, 0, new byte[8]),
            NextRandom = () => 0.5,
            AccountId = "111111111111",
        };
        Options = configure is null ? options : configure(options);
        Engine = new StepFunctionsEngine(Options);
    }

    public FakeTimeProvider Clock { get; }

    public DelegateInvoker Invoker { get; }

    public EngineOptions Options { get; }

    public StepFunctionsEngine Engine { get; }

    public static StateMachineDefinition Parse(string json)
    {
        var parsed = AslParser.Parse(json);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        return parsed.Definition!;
    }

    public Task<ExecutionResult> RunAsync(string definitionJson, string input, IExecutionObserver? observer = null, CancellationToken cancellationToken = default) =>
        RunAsync(Parse(definitionJson), input, observer, cancellationToken);

    public Task<ExecutionResult> RunAsync(StateMachineDefinition definition, string input, IExecutionObserver? observer = null, CancellationToken cancellationToken = default) =>
        Engine.RunAsync(
            Engine.Compile(definition),
            new ExecutionRequest("arn:aws:states:us-east-1:111111111111:stateMachine:machine", "exec", input, "arn:aws:iam::111111111111:role/sfn-conformance-role"),
            observer,
            cancellationToken);
}
