using System.Diagnostics;
using System.Globalization;
using SfnResume.Core.History;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>
/// Store throughput on a real file (<c>dotnet exec SfnResume.Storage.Sqlite.Tests.dll bench DIR [full|normal]</c>):
/// 25,000 events of about 1 KB appended in batches, and 500 executions started with about 8 events each,
/// every scenario run 5 times on a fresh database; medians printed. Not part of the test run.
/// </summary>
internal static class StoreBenchmark
{
    private const int Runs = 5;

    public static void Run(string directory, string mode)
    {
        var options = new SqliteStoreOptions
        {
            Durability = mode == "normal" ? SqliteDurability.Normal : SqliteDurability.Full,
        };
        Console.WriteLine($"synchronous={options.Durability}, {Runs} runs each, medians");
        var sample = StoreFixtures.Events(1, 25_000, size: 1024);
        var serialize = Stopwatch.StartNew();
        var bytes = sample.Sum(e => (long)Api.Json.HistoryEventListConverter.WriteEvent(e).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serialising 25,000 events alone ({bytes / 25_000} chars each): {serialize.Elapsed.TotalMilliseconds:F0} ms"));
        foreach (var batch in new[] { 25, 100 })
        {
            Report($"25,000 x 1 KB events, one execution, sync batches of {batch}", directory, options,
                store => AppendOneExecution(store, batch));
        }

        Report("25,000 x 1 KB events, 50 executions x 500, async batches of 10 (group commit)", directory, options, AppendConcurrently);
        Report("500 executions started + 8 events each (start with 2, then 3 appends of 2), async", directory, options, StartMany);
    }

    private static void Report(string name, string directory, SqliteStoreOptions options, Func<SqliteStore, (int Operations, string Unit)> scenario)
    {
        var times = new List<double>();
        var operations = 0;
        var unit = "";
        for (var run = 0; run < Runs; run++)
        {
            var dir = Path.Combine(directory, Guid.NewGuid().ToString("N"));
            using (var store = SqliteStore.Open(dir, options))
            {
                store.CreateStateMachine(StoreFixtures.Machine("bench"));
                var watch = Stopwatch.StartNew();
                (operations, unit) = scenario(store);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Directory.Delete(dir, recursive: true);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: median {median:F0} ms total, {median * 1000 / operations:F1} us per {unit}, {operations * 1000 / median:F0} {unit}s/s (min {times[0]:F0}, max {times[^1]:F0})"));
    }

    private static (int, string) AppendOneExecution(SqliteStore store, int batch)
    {
        var arn = store.CreateExecution(StoreFixtures.Execution("bench", "one")).Execution.Arn;
        var events = StoreFixtures.Events(1, 25_000, size: 1024);
        for (var i = 0; i < events.Count; i += batch)
        {
            store.AppendEvents(arn, events.GetRange(i, batch));
        }

        return (25_000, "event");
    }

    private static (int, string) AppendConcurrently(SqliteStore store)
    {
        var arns = Enumerable.Range(0, 50)
            .Select(i => store.CreateExecution(StoreFixtures.Execution("bench", "c" + i.ToString(CultureInfo.InvariantCulture))).Execution.Arn)
            .ToArray();
        var events = StoreFixtures.Events(1, 500, size: 1024);
        Task.WhenAll(arns.Select(async arn =>
        {
            for (var i = 0; i < events.Count; i += 10)
            {
                await store.AppendEventsAsync(arn, events.GetRange(i, 10)).ConfigureAwait(false);
            }
        })).GetAwaiter().GetResult();
        return (25_000, "event");
    }

    private static (int, string) StartMany(SqliteStore store)
    {
        var events = StoreFixtures.Events(1, 8, size: 512);
        Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            var execution = StoreFixtures.Execution("bench", "s" + i.ToString(CultureInfo.InvariantCulture)) with
            {
                InitialEvents = events.GetRange(0, 2),
            };
            var arn = (await store.CreateExecutionAsync(execution).ConfigureAwait(false)).Execution.Arn;
            for (var k = 2; k < 8; k += 2)
            {
                await store.AppendEventsAsync(arn, events.GetRange(k, 2)).ConfigureAwait(false);
            }
        })).GetAwaiter().GetResult();
        return (500, "execution");
    }
}
