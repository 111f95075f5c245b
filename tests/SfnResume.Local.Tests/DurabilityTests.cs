using System.Diagnostics;
using SfnResume.Api.Contracts;

namespace SfnResume.Local.Tests;

/// <summary>
/// A process running executions is killed with SIGKILL mid-way; opening its state directory again continues every
/// execution from its stored history to the same end as an uninterrupted run, with no event lost or written twice.
/// The child runs on the real clock (its executions wait in real time), so this test takes a few seconds.
/// </summary>
public sealed class DurabilityTests
{
    private const int Executions = 50;

    /// <param name="killAfter">The kill comes once half the executions have entered this state: "Double" is mid-way
    /// through the top level, "RightWait" is inside the Parallel with its other branch already done.</param>
    [Theory]
    [InlineData("Double")]
    [InlineData("RightWait")]
    public async Task KilledProcess_ReopenedDirectory_FinishesEveryExecutionExactlyOnce(string killAfter)
    {
        using var dir = new TempDirectory();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(DurabilityTests).Assembly.Location);
        start.ArgumentList.Add("crash-child");
        start.ArgumentList.Add(dir.Path);
        start.ArgumentList.Add(Executions.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var started = new List<string>();
        var enteredMark = new HashSet<string>(StringComparer.Ordinal);
        var mark = "entered " + killAfter + " ";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using (var child = Process.Start(start)!)
        {
            try
            {
                // Kill once every execution is started and half of them have reached the mark: executions are then
                // spread over waits, Lambda calls and the Parallel.
                while (started.Count < Executions || enteredMark.Count < Executions / 2)
                {
                    var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException("child exited early: " + await child.StandardError.ReadToEndAsync(timeout.Token));
                    if (line.StartsWith("started ", StringComparison.Ordinal))
                    {
                        started.Add(line["started ".Length..]);
                    }
                    else if (line.StartsWith(mark, StringComparison.Ordinal))
                    {
                        enteredMark.Add(line[mark.Length..]);
                    }
                }
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(timeout.Token);
            }

            Assert.NotEqual(0, child.ExitCode);
        }

        // The kill left executions part-way: RUNNING with some events stored past ExecutionStarted.
        await using (var store = Storage.Sqlite.SqliteStore.Open(dir.Path))
        {
            var running = store.ListRunningExecutions();
            Assert.NotEmpty(running);
            Assert.Contains(running, r => store.GetLastEventId(r.Arn) > 3);
        }

        await using var api = LocalStepFunctions.Open(dir.Path);
        Assert.True(api.ResumedExecutions > 0, "some executions were RUNNING when the process was killed");
        await api.WaitForAllAsync(timeout.Token);
        Assert.Equal(Executions, started.Count);
        foreach (var arn in started)
        {
            var described = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn }, CancellationToken.None);
            Assert.Equal("SUCCEEDED", described.Status);
            var value = int.Parse(arn[(arn.LastIndexOf(':') + 2)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(CrashChild.ExpectedOutput(value), described.Output);
            CrashChild.AssertCleanHistory(await Fixtures.HistoryAsync(api, arn));
        }

        Assert.Equal(0, api.ReplayMismatches);
    }

    [Fact]
    public async Task UninterruptedRun_GivesTheSameOutputs()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path, new LocalStepFunctionsOptions { FastForward = true });
        var now = DateTimeOffset.UnixEpoch;
        api.Store.PutFunction(new Storage.Sqlite.FunctionRecord
        {
            Name = "double",
            Arn = "arn:aws:lambda:us-east-1:123456789012:function:double",
            Runtime = "nodejs20.x",
            Handler = "index.handler",
            CodeText = "exports.handler = async (event) => ({ value: event.value * 2 });",
            Created = now,
            Updated = now,
        });
        var machine = await Fixtures.CreateAsync(api, CrashChild.MachineName, CrashChild.Definition);
        var arn = await Fixtures.StartAsync(api, machine, "e7", """{"value":7}""");
        var done = await api.WaitForExecutionAsync(arn, CancellationToken.None);
        Assert.Equal(CrashChild.ExpectedOutput(7), done.Output);
        CrashChild.AssertCleanHistory(await Fixtures.HistoryAsync(api, arn));
    }
}
