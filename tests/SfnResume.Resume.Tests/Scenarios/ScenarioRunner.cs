using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Core.Json;
using SfnResume.Engine;

namespace SfnResume.Resume.Tests.Scenarios;

/// <summary>Runs a scenario three times on the local engine: until it fails, resumed from the plan, and clean.</summary>
internal static class ScenarioRunner
{
    private const string MachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Scenario";

    public static async Task<ScenarioOutcome> RunAsync(Scenario scenario)
    {
        var definition = Parse(scenario.Definition);
        var repaired = scenario.FixedDefinition is null ? definition : Parse(scenario.FixedDefinition);

        var failedLambdas = new Lambdas(fixedHandlers: false);
        var failed = await RunOnceAsync(definition, scenario.Input, failedLambdas, scenario.Unbounded, "failed");
        var history = ExecutionHistory.FromEvents(failed.Events);
        var plan = ResumePlanner.Plan(repaired, history, new ResumeOptions
        {
            Patch = scenario.PatchNode,
            FromState = scenario.FromState,
            StateMachineName = "Scenario",
        });
        var copy = DefinitionRewriter.Apply(repaired, plan);

        var resumedLambdas = new Lambdas(scenario.FixHandlers);
        var resumed = await RunOnceAsync(copy, plan.ResumeInput.ToJsonString(), resumedLambdas, scenario.Unbounded, "resumed");

        var cleanLambdas = new Lambdas(scenario.FixHandlers);
        var cleanInput = scenario.CleanInput
            ?? (scenario.PatchNode is { } patch ? JsonMergePatch.Apply(JsonNode.Parse(scenario.Input), patch)!.ToJsonString() : scenario.Input);
        var clean = await RunOnceAsync(repaired, cleanInput, cleanLambdas, scenario.Unbounded, "clean");

        // Without the flag the copy must behave like the workflow it was made from.
        var copyUnflagged = await RunOnceAsync(copy, cleanInput, new Lambdas(scenario.FixHandlers), scenario.Unbounded, "copy-unflagged");

        return new ScenarioOutcome(plan, copy, failed, resumed, clean, failedLambdas, resumedLambdas, cleanLambdas) { CopyUnflagged = copyUnflagged };
    }

    public static StateMachineDefinition Parse(string json)
    {
        var parsed = AslParser.Parse(Catalog.Expand(json));
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException("invalid scenario definition: " + string.Join("; ", parsed.Errors));
        }

        return parsed.Definition!;
    }

    private static async Task<ExecutionResult> RunOnceAsync(StateMachineDefinition definition, string input, Lambdas lambdas, bool unbounded, string name)
    {
        var ids = 0;
        var engine = new StepFunctionsEngine(new EngineOptions
        {
            LambdaInvoker = lambdas.Invoker(),
            FastForward = true,
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)),
            NewGuid = () => new Guid(Interlocked.Increment(ref ids), 0, 0, new byte[8]),
            NextRandom = () => 0.5,
            MaxHistoryEvents = unbounded ? null : 25_000,
        });
        var machine = engine.Compile(definition);
        return await engine.RunAsync(machine, new ExecutionRequest(MachineArn, name, input));
    }
}

/// <summary>The three runs of a scenario and what each called.</summary>
internal sealed record ScenarioOutcome(
    ResumePlan Plan,
    StateMachineDefinition Copy,
    ExecutionResult Failed,
    ExecutionResult Resumed,
    ExecutionResult Clean,
    Lambdas FailedLambdas,
    Lambdas ResumedLambdas,
    Lambdas CleanLambdas)
{
    /// <summary>The copy started with the clean run's input, without the resume flag.</summary>
    public ExecutionResult? CopyUnflagged { get; init; }
}
