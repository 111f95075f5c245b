using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Runs conformance cases on <see cref="StepFunctionsEngine"/>: parses and compiles the recorded definition, runs
/// it on the case's virtual clock with the recorded names, account and region, and returns the history as
/// <c>GetExecutionHistory</c> JSON. Ids and jitter come from generators seeded by the case id, so runs repeat.
/// </summary>
public sealed class StepFunctionsConformanceEngine : IConformanceEngine
{
    private readonly Func<ConformanceRunRequest, ILambdaInvoker?> _lambdaInvokers;

    /// <param name="lambdaInvokers">Serves the Lambda functions of a case (by function name); null runs without Lambda.</param>
    public StepFunctionsConformanceEngine(Func<ConformanceRunRequest, ILambdaInvoker?>? lambdaInvokers = null)
    {
        _lambdaInvokers = lambdaInvokers ?? (_ => null);
    }

    public async Task<ConformanceExecution> RunAsync(ConformanceRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = request.Case;
        var parsed = AslParser.Parse(c.Definition.GetRawText());
        if (parsed.Definition is null)
        {
            var first = parsed.Diagnostics.FirstOrDefault();
            throw new InvalidOperationException($"definition rejected: {first}");
        }

        var random = new Random(StableSeeds.For(c.Id));
        var engine = new StepFunctionsEngine(new EngineOptions
        {
            TimeProvider = request.Clock,
            FastForward = true,
            AwsBehaviourOf = c.RecordedOn,
            LambdaInvoker = _lambdaInvokers(request),
            AccountId = request.Environment.AccountId,
            Region = request.Environment.Region,
            NewGuid = () =>
            {
                var bytes = new byte[16];
                lock (random)
                {
                    random.NextBytes(bytes);
                }

                // Version 4 layout, so the ids look like the UUIDs AWS writes.
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
                return new Guid(bytes);
            },
            NextRandom = () =>
            {
                lock (random)
                {
                    return random.NextDouble();
                }
            },
        });
        var machine = engine.Compile(parsed.Definition);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var observer = new StopObserver(request, stop);
        var result = await engine.RunAsync(
            machine,
            new ExecutionRequest(request.StateMachineArn, c.ExecutionName, request.Input, c.RoleArn, c.StateMachineType),
            observer,
            stop.Token).ConfigureAwait(false);

        // A run stopped by the runner's timeout is a timeout, not an aborted execution.
        cancellationToken.ThrowIfCancellationRequested();

        var history = JsonNode.Parse(ExecutionHistory.FromEvents(result.Events).ToJson())!;
        var events = history["events"]!.AsArray();
        if (request.StopAfterEvents is { } count && observer.StoppedAtPrefix)
        {
            while (events.Count > count)
            {
                events.RemoveAt(events.Count - 1);
            }

            return new ConformanceExecution("RUNNING", null, null, null, events);
        }

        return new ConformanceExecution(result.Status, result.Output, result.Error, result.Cause, events);
    }

    /// <summary>Stops the run where the recording stopped: StopExecution after the first state, or a history prefix.</summary>
    private sealed class StopObserver(ConformanceRunRequest request, CancellationTokenSource stop) : IExecutionObserver
    {
        private int _seen;

        public bool StoppedAtPrefix { get; private set; }

        public void OnEvent(HistoryEvent historyEvent)
        {
            _seen++;
            if (request.StopAfterFirstStateEntered && historyEvent.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal))
            {
                stop.Cancel();
            }
            else if (request.StopAfterEvents is { } count && _seen == count)
            {
                StoppedAtPrefix = true;
                stop.Cancel();
            }
        }
    }
}
