using System.Diagnostics;
using System.Globalization;
using SfnResume.Api.Contracts;

namespace SfnResume.Local.Tests;

/// <summary>Starts COUNT three-Pass executions on the durable store and waits for all: prints executions per second.</summary>
internal static class ThroughputRun
{
    public static async Task RunAsync(string directory, int count)
    {
        await using var api = LocalStepFunctions.Open(directory);
        var machine = await Fixtures.CreateAsync(api, "bench", Fixtures.ThreePasses);
        await Fixtures.StartAsync(api, machine, "warmup");
        await api.WaitForAllAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var starts = new Task<StartExecutionResponse>[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Name = "b" + i.ToString(CultureInfo.InvariantCulture) }, CancellationToken.None);
        }

        await Task.WhenAll(starts);
        var started = clock.Elapsed;
        await api.WaitForAllAsync(CancellationToken.None);
        var done = clock.Elapsed;
        var succeeded = 0;
        foreach (var start in starts)
        {
            var d = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = start.Result.ExecutionArn }, CancellationToken.None);
            succeeded += d.Status == "SUCCEEDED" ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"executions={count} succeeded={succeeded} started_in={started.TotalSeconds:F2}s completed_in={done.TotalSeconds:F2}s rate={count / done.TotalSeconds:F0}/s"));
    }
}
