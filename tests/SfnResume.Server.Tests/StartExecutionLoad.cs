using System.Diagnostics;
using System.Globalization;
using SfnResume.Api.Contracts;

namespace SfnResume.Server.Tests;

/// <summary>
/// A bounded load loop on loopback: CONCURRENCY callers share COUNT StartExecution calls of a three-Pass machine
/// through <see cref="SfnResume.Aws.StepFunctionsClient"/>; executions run to completion on the durable store.
/// With RATE &gt; 0 the calls are paced at that many per second. Prints the rate (all executions started and completed) and StartExecution latency percentiles.
/// </summary>
internal static class StartExecutionLoad
{
    public static async Task RunAsync(int count, int concurrency, double rate)
    {
        await using var h = await ServerHarness.StartAsync();
        var machine = await h.CreateAsync("bench", ServerHarness.ThreePasses);
        for (var i = 0; i < 50; i++)
        {
            await h.StartAndFinishAsync(machine, "warm-" + i.ToString(CultureInfo.InvariantCulture));
        }

        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                // Paced (open) load: call i is due at i / rate seconds; unpaced when rate is 0.
                var due = rate > 0 ? TimeSpan.FromSeconds(index / rate) - clock.Elapsed : TimeSpan.Zero;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var started = Stopwatch.GetTimestamp();
                await h.Client.StartExecutionAsync(new StartExecutionRequest
                {
                    StateMachineArn = machine,
                    Name = "run-" + index.ToString(CultureInfo.InvariantCulture),
                    Input = """{"n":1}""",
                }, CancellationToken.None);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var startedIn = clock.Elapsed;
        await h.Local.WaitForAllAsync(CancellationToken.None);
        var completedIn = clock.Elapsed;
        var listed = await h.Client.ListExecutionsAllPagesAsync(
            new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = "SUCCEEDED", MaxResults = 1000 }, CancellationToken.None);

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"executions={count} concurrency={concurrency} target_rate={(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) : "unpaced")} succeeded={listed.Count - 50} started_in={startedIn.TotalSeconds:F2}s "
            + $"completed_in={completedIn.TotalSeconds:F2}s start_rate={count / startedIn.TotalSeconds:F0}/s "
            + $"completed_rate={count / completedIn.TotalSeconds:F0}/s p50={Percentile(0.50):F2}ms p95={Percentile(0.95):F2}ms p99={Percentile(0.99):F2}ms max={latencies[^1]:F2}ms"));
    }
}
