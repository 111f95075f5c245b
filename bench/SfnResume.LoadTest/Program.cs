using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Aws;

namespace SfnResume.LoadTest;

/// <summary>
/// StartExecution load against a running Step Functions endpoint (e.g. <c>sfn-resume serve --port 8083</c> in another
/// process), or against the server started in this process (<c>in-process</c>): COUNT starts of a three-Pass machine by CONCURRENCY callers, paced at RATE per second (0: as fast as
/// they go), then waits until all of them SUCCEEDED. Prints the start and completion rates and the StartExecution
/// latency percentiles, measured by the caller (request sent to response read).
/// </summary>
internal static class Program
{
    private const string ThreePasses = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
          "C":{"Type":"Pass","Result":3,"ResultPath":"$.c","End":true}}}
        """;

    private const int Warmup = 50;
    private const string InProcess = "in-process";

    public static async Task<int> Main(string[] args)
    {
        Uri? endpoint = null;
        if (args.Length is < 1 or > 4 || (args[0] != InProcess && !Uri.TryCreate(args[0], UriKind.Absolute, out endpoint)))
        {
            await Console.Error.WriteLineAsync($"usage: SfnResume.LoadTest (ENDPOINT_URL | {InProcess}) [COUNT=5000] [CONCURRENCY=64] [RATE=500]");
            return 2;
        }

        // in-process: the server and the local engine run in this process on a fresh state directory, on a free
        // loopback port; the load still goes through HTTP.
        await using var local = endpoint is null ? await InProcessServer.StartAsync() : null;
        endpoint ??= local!.BaseAddress;

        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        var rate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        using var client = new StepFunctionsClient(new StepFunctionsClientOptions
        {
            Endpoint = endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxAttempts = 1,
        });
        var ct = CancellationToken.None;
        var machine = (await client.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "load-" + Guid.NewGuid().ToString("N")[..12],
            Definition = ThreePasses,
            RoleArn = "arn:aws:iam::123456789012:role/load",
        }, ct)).StateMachineArn;
        for (var i = 0; i < Warmup; i++)
        {
            await StartAsync(client, machine, "warm-" + i.ToString(CultureInfo.InvariantCulture), ct);
        }

        await WaitForSucceededAsync(client, machine, Warmup, ct);

        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                // Open load: call i is due at i / rate seconds, whatever the earlier calls took.
                var due = rate > 0 ? TimeSpan.FromSeconds(index / rate) - clock.Elapsed : TimeSpan.Zero;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, ct);
                }

                var started = Stopwatch.GetTimestamp();
                await StartAsync(client, machine, "run-" + index.ToString(CultureInfo.InvariantCulture), ct);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var startedIn = clock.Elapsed;
        await WaitUntilEndedAsync(client, Arns.ExecutionOf(Arns.ParseStateMachine(machine), "run-" + (count - 1).ToString(CultureInfo.InvariantCulture)), ct);
        await WaitForSucceededAsync(client, machine, Warmup + count, ct);
        var completedIn = clock.Elapsed;

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"executions={count} concurrency={concurrency} target_rate={(rate > 0 ? rate.ToString(CultureInfo.InvariantCulture) : "unpaced")} "
            + $"started_in={startedIn.TotalSeconds:F2}s completed_in={completedIn.TotalSeconds:F2}s start_rate={count / startedIn.TotalSeconds:F0}/s "
            + $"completed_rate={count / completedIn.TotalSeconds:F0}/s p50={Percentile(0.50):F2}ms p95={Percentile(0.95):F2}ms "
            + $"p99={Percentile(0.99):F2}ms max={latencies[^1]:F2}ms"));
        return 0;
    }

    private static Task<StartExecutionResponse> StartAsync(StepFunctionsClient client, string machine, string name, CancellationToken ct) =>
        client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = name, Input = """{"n":1}""" }, ct);

    /// <summary>
    /// Polls DescribeExecution of the last execution started every 5 ms until it ended: executions of this machine end
    /// in about the order they started, so the count that follows rarely needs a second look, and the completion
    /// time is not rounded up to the 50 ms of that poll.
    /// </summary>
    private static async Task WaitUntilEndedAsync(StepFunctionsClient client, string executionArn, CancellationToken ct)
    {
        while ((await client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct)).Status == ExecutionStatuses.Running)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
        }
    }

    /// <summary>Polls ListExecutions (SUCCEEDED) every 50 ms until <paramref name="expected"/> executions succeeded.</summary>
    private static async Task WaitForSucceededAsync(StepFunctionsClient client, string machine, int expected, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var succeeded = await client.ListExecutionsAllPagesAsync(
                new ListExecutionsRequest { StateMachineArn = machine, StatusFilter = ExecutionStatuses.Succeeded, MaxResults = 1000 }, ct);
            if (succeeded.Count >= expected)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{succeeded.Count} of {expected} executions succeeded after five minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }
}
