using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;
using static SfnResume.Local.Tests.Fixtures;

namespace SfnResume.Local.Tests;

/// <summary>
/// Closing the API while executions run leaves them RUNNING in the store; opening the directory again continues
/// them by replaying their history: recorded Lambda results are reused and waits keep their recorded start.
/// </summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Reopened_WaitContinuesForWhatWasLeft_LambdaNotCalledAgain()
    {
        var calls = 0;
        var delegates = new DelegateLambdaInvoker().Add("count", n =>
        {
            Interlocked.Increment(ref calls);
            return new JsonObject { ["called"] = true };
        });
        var options = new LocalStepFunctionsOptions { Lambdas = new LambdaResolver(delegates: delegates) };
        const string definition = """
            {"StartAt":"Call","States":{
              "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:count","ResultPath":"$.call","Next":"Hold"},
              "Hold":{"Type":"Wait","Seconds":10,"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """;
        using var dir = new TempDirectory();
        var clock = new SignallingClock();
        string arn;
        long storedBefore;
        await using (var first = LocalStepFunctions.Open(dir.Path, options with { TimeProvider = clock }))
        {
            var machine = await CreateAsync(first, "resumable", definition);
            var timer = clock.NextTimer();
            arn = await StartAsync(first, machine, "r1", """{"in":1}""");
            await timer;
            clock.Fake.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal(1, first.RunningCount);
        }

        await using (var store = Storage.Sqlite.SqliteStore.Open(dir.Path))
        {
            var stored = store.GetHistory(arn).Events;
            storedBefore = stored.Count;
            Assert.Equal(HistoryEventType.WaitStateEntered, stored[^1].Type);
        }

        var resumedTimer = clock.NextTimer();
        await using var second = LocalStepFunctions.Open(dir.Path, options with { TimeProvider = clock });
        Assert.Equal(1, second.ResumedExecutions);
        await resumedTimer;
        clock.Fake.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("RUNNING", (await second.DescribeExecutionAsync(new() { ExecutionArn = arn }, None)).Status);
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
        var done = await second.WaitForExecutionAsync(arn, None);
        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"in":1,"call":{"called":true}}""", done.Output);
        Assert.Equal(1, calls);

        var events = await HistoryAsync(second, arn);
        AssertContiguous(events);
        Assert.True(events.Count > storedBefore);
        var entered = events.Single(e => e.Type == HistoryEventType.WaitStateEntered);
        var exited = events.Single(e => e.Type == HistoryEventType.WaitStateExited);
        Assert.Equal(TimeSpan.FromSeconds(10), exited.Timestamp - entered.Timestamp);
        Assert.Single(events, e => e.Type == HistoryEventType.LambdaFunctionScheduled);
        Assert.Equal(0, second.ReplayMismatches);
    }

    [Fact]
    public async Task Reopened_ExecutionStartedButNothingElse_RunsFromTheStart()
    {
        using var dir = new TempDirectory();
        await using (var first = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { ResumeRunningExecutions = false }))
        {
            await CreateAsync(first, "p", ThreePasses);
        }

        // A process that stored ExecutionStarted and died before anything else.
        string arn;
        await using (var store = Storage.Sqlite.SqliteStore.Open(dir.Path))
        {
            arn = "arn:aws:states:us-east-1:123456789012:execution:p:early";
            store.CreateExecution(new Storage.Sqlite.NewExecution
            {
                Arn = arn,
                StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:p",
                Name = "early",
                Input = "{}",
                StartDate = DateTimeOffset.UnixEpoch,
                InitialEvents =
                [
                    new HistoryEvent
                    {
                        Id = 1,
                        Timestamp = DateTimeOffset.UnixEpoch,
                        Type = HistoryEventType.ExecutionStarted,
                        ExecutionStartedEventDetails = new ExecutionStartedEventDetails { Input = "{}", RoleArn = Role },
                    },
                ],
            });
        }

        await using var second = LocalStepFunctions.Open(dir.Path);
        Assert.Equal(1, second.ResumedExecutions);
        Assert.Equal("""{"a":1,"b":2,"c":3}""", (await second.WaitForExecutionAsync(arn, None)).Output);
        var events = await HistoryAsync(second, arn);
        AssertContiguous(events);
        Assert.Equal(8, events.Count);
    }
}
