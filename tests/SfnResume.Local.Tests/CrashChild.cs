using System.Globalization;
using SfnResume.Api.Contracts;
using SfnResume.Core.History;
using SfnResume.Storage.Sqlite;
using SfnResume.Testing;

namespace SfnResume.Local.Tests;

/// <summary>
/// The child process of the kill-and-restart test: deploys a function, creates a machine whose executions take a
/// few seconds of real time (Wait states, a Parallel whose branches run concurrently), starts COUNT executions,
/// prints <c>started ARN</c> for each and <c>entered STATE ARN</c> as states are entered, and runs until killed.
/// </summary>
internal static class CrashChild
{
    public const string MachineName = "durable";

    public const string Definition = KillRestartMachine.Definition;

    /// <summary>What an execution with input <c>{"value": v}</c> returns.</summary>
    public static string ExpectedOutput(int value) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"value":{{value}},"doubled":{{value * 2}},"quadrupled":{{value * 4}},"right":{{value}}}""");

    public static async Task RunAsync(string directory, int count)
    {
        var output = TextWriter.Synchronized(Console.Out);
        var api = LocalStepFunctions.Open(directory, new LocalStepFunctionsOptions
        {
            Progress = p =>
            {
                if (p.Event.StateEnteredEventDetails is { } entered)
                {
                    output.WriteLine("entered " + entered.Name + " " + p.ExecutionArn);
                    output.Flush();
                }
            },
        });
        var now = DateTimeOffset.UtcNow;
        api.Store.PutFunction(new FunctionRecord
        {
            Name = "double",
            Arn = "arn:aws:lambda:us-east-1:123456789012:function:double",
            Runtime = "nodejs20.x",
            Handler = "index.handler",
            CodeText = "exports.handler = async (event) => ({ value: event.value * 2 });",
            Created = now,
            Updated = now,
        });
        var machine = (await api.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = MachineName,
            Definition = Definition,
            RoleArn = Fixtures.Role,
        }, CancellationToken.None)).StateMachineArn;
        for (var i = 0; i < count; i++)
        {
            var arn = (await api.StartExecutionAsync(new StartExecutionRequest
            {
                StateMachineArn = machine,
                Name = "e" + i.ToString(CultureInfo.InvariantCulture),
                Input = "{\"value\":" + i.ToString(CultureInfo.InvariantCulture) + "}",
            }, CancellationToken.None)).ExecutionArn;
            output.WriteLine("started " + arn);
            output.Flush();
        }

        await Task.Delay(Timeout.Infinite);
    }

    /// <summary>Each state entered once, ids 1..N, one closing event.</summary>
    public static void AssertCleanHistory(IReadOnlyList<HistoryEvent> events)
    {
        Fixtures.AssertContiguous(events);
        var entered = events.Where(e => e.StateEnteredEventDetails is not null).Select(e => e.StateEnteredEventDetails!.Name).ToList();
        Assert.Equal(entered.Distinct().Count(), entered.Count);
        Assert.Equal(["Begin", "Both", "Double", "Finish", "Left", "Pause1", "Pause2", "Right", "RightWait"], entered.Order(StringComparer.Ordinal));
        Assert.Single(events, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.Single(events, e => e.Type == HistoryEventType.ExecutionSucceeded);
        Assert.Equal(2, events.Count(e => e.Type == HistoryEventType.LambdaFunctionScheduled));
    }
}
