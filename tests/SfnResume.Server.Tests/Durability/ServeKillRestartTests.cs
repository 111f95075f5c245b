using System.Globalization;
using Amazon.Runtime;
using SfnResume.Api.Contracts;
using SfnResume.Aws;
using SfnResume.Core.History;
using SfnResume.Storage.Sqlite;
using SfnResume.Testing;

namespace SfnResume.Server.Tests.Durability;

/// <summary>
/// The durability promise of <c>sfn-resume serve</c>, end to end over HTTP with the real process: SIGKILL while
/// executions are in flight, start again on the same state directory and port, and every execution ends as an
/// uninterrupted run would, with a history whose ids are 1..N and where no state is entered twice.
/// </summary>
public sealed class ServeKillRestartTests : IDisposable
{
    private const int Executions = 50;
    private const string MachineName = "durable";

    private const string Definition = KillRestartMachine.Definition;

    private static readonly string[] s_states = ["Begin", "Both", "Double", "Finish", "Left", "Pause1", "Pause2", "Right", "RightWait"];

    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-serve-kill-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may hold the files a moment longer; the OS cleans temp later.
        }
    }

    [Fact]
    public async Task Serve_KilledWhileExecutionsRun_RestartedOnTheSameStateDir_FinishesEveryExecutionExactlyOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        var stateDir = Path.Combine(_temp, "state");
        var handler = Path.Combine(_temp, "double.js");
        await File.WriteAllTextAsync(handler, "exports.handler = async (event) => ({ value: event.value * 2 });", ct);
        string[] lambda = ["--lambda", "double=" + handler];

        List<string> started;
        int port;
        using (var first = ServeProcess.Start(0, stateDir, lambda))
        {
            var endpoint = await first.Listening.WaitAsync(ct);
            port = endpoint.Port;
            using var client = NewClient(endpoint);
            var machine = (await client.CreateStateMachineAsync(new CreateStateMachineRequest
            {
                Name = MachineName,
                Definition = Definition,
                RoleArn = ServerHarness.Role,
            }, ct)).StateMachineArn;
            started = [.. await Task.WhenAll(Enumerable.Range(0, Executions).Select(async i =>
                (await client.StartExecutionAsync(new StartExecutionRequest
                {
                    StateMachineArn = machine,
                    Name = "e" + i.ToString(CultureInfo.InvariantCulture),
                    Input = Input(i),
                }, ct)).ExecutionArn))];

            // Kill once half the executions are past the first wait (their Lambda call and later events stored) and
            // none has finished: the store then holds histories cut at many different points.
            await PollAsync(async () => await CountPastAsync(client, started, "Pause2", ct) >= Executions / 2, ct);
            await first.KillAsync(ct);
            Assert.NotEqual(0, first.ExitCode);
        }

        await using (var store = SqliteStore.Open(stateDir))
        {
            var running = store.ListRunningExecutions();
            Assert.True(running.Count > 0, "no execution was RUNNING when the process was killed");
            Assert.Contains(running, r => store.GetLastEventId(r.Arn) > 3);
        }

        using var second = ServeProcess.Start(port, stateDir, lambda);
        var again = await second.Listening.WaitAsync(ct);
        Assert.Equal(port, again.Port);
        using var restarted = NewClient(again);
        var control = (await restarted.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = started[0][..started[0].LastIndexOf(':')].Replace(":execution:", ":stateMachine:", StringComparison.Ordinal),
            Name = "control",
            Input = Input(7),
        }, ct)).ExecutionArn;

        var finished = new Dictionary<string, DescribeExecutionResponse>(StringComparer.Ordinal);
        await PollAsync(async () =>
        {
            foreach (var arn in started.Append(control).Where(a => !finished.ContainsKey(a)))
            {
                var described = await restarted.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, ct);
                if (described.Status != ExecutionStatuses.Running)
                {
                    finished[arn] = described;
                }
            }

            return finished.Count == Executions + 1;
        }, ct);

        // The control ran without interruption: its output is what every execution must end with.
        Assert.Equal(ExecutionStatuses.Succeeded, finished[control].Status);
        Assert.Equal(ExpectedOutput(7), finished[control].Output);
        AssertCleanHistory(await restarted.GetExecutionHistoryAllPagesAsync(new GetExecutionHistoryRequest { ExecutionArn = control }, ct));
        for (var i = 0; i < Executions; i++)
        {
            var described = finished[started[i]];
            Assert.True(described.Status == ExecutionStatuses.Succeeded, $"{started[i]} ended {described.Status}: {described.Error} {described.Cause}");
            Assert.Equal(ExpectedOutput(i), described.Output);
            var history = await restarted.GetExecutionHistoryAllPagesAsync(
                new GetExecutionHistoryRequest { ExecutionArn = started[i], MaxResults = 7 }, ct);
            AssertCleanHistory(history);
        }
    }

    private static string Input(int value) => "{\"value\":" + value.ToString(CultureInfo.InvariantCulture) + "}";

    private static string ExpectedOutput(int value) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"value":{{value}},"doubled":{{value * 2}},"quadrupled":{{value * 4}},"right":{{value}}}""");

    private static StepFunctionsClient NewClient(Uri endpoint) =>
        ServerHarness.NewClient(endpoint, new BasicAWSCredentials("test", "test"));

    private static async Task<int> CountPastAsync(StepFunctionsClient client, IEnumerable<string> executions, string state, CancellationToken ct)
    {
        var past = 0;
        foreach (var arn in executions)
        {
            var history = await client.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = arn, MaxResults = 1000 }, ct);
            if (history.Events.Any(e => e.StateEnteredEventDetails?.Name == state))
            {
                past++;
            }
        }

        return past;
    }

    /// <summary>Checks a condition every 100 ms until it holds (the test's timeout bounds the wait).</summary>
    private static async Task PollAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Ids 1..N, each previousEventId an earlier event, every state entered and exited once, one start and one end.</summary>
    private static void AssertCleanHistory(IReadOnlyList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1L, events[i].Id);

            // AWS gives 0 to the start and to the first state's entry, then the id of an earlier event.
            Assert.InRange(events[i].PreviousEventId, i < 2 ? 0 : 1, events[i].Id - 1);
        }

        var entered = events.Where(e => e.StateEnteredEventDetails is not null).Select(e => e.StateEnteredEventDetails!.Name).ToList();
        var exited = events.Where(e => e.StateExitedEventDetails is not null).Select(e => e.StateExitedEventDetails!.Name).ToList();
        Assert.Equal(s_states, entered.Order(StringComparer.Ordinal));
        Assert.Equal(s_states, exited.Order(StringComparer.Ordinal));
        Assert.Single(events, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.Single(events, e => e.Type == HistoryEventType.ExecutionSucceeded);
        Assert.Equal(HistoryEventType.ExecutionSucceeded, events[^1].Type);
        Assert.Equal(2, events.Count(e => e.Type == HistoryEventType.LambdaFunctionScheduled));
    }
}
