using System.Globalization;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>
/// The child process of the crash test: appends batches of 10 events to 10 executions through the group-commit
/// queue, forever, and prints <c>committed ARN LASTID</c> after each append is reported committed.
/// </summary>
internal static class CrashWriter
{
    public const int Executions = 10;
    public const int BatchSize = 10;

    public static void Run(string directory, SqliteDurability durability)
    {
        using var store = SqliteStore.Open(directory, new SqliteStoreOptions { Durability = durability });
        store.CreateStateMachine(StoreFixtures.Machine("crash"));
        var arns = new string[Executions];
        for (var i = 0; i < Executions; i++)
        {
            arns[i] = store.CreateExecution(StoreFixtures.Execution("crash", "e" + i.ToString(CultureInfo.InvariantCulture))).Execution.Arn;
        }

        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        for (long next = 1; ; next += BatchSize)
        {
            var first = next;
            var appends = arns.Select(async arn =>
            {
                await store.AppendEventsAsync(arn, StoreFixtures.Events(first, BatchSize, size: 1000)).ConfigureAwait(false);
                return arn;
            }).ToArray();
            foreach (var append in appends)
            {
                var arn = append.GetAwaiter().GetResult();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {arn} {first + BatchSize - 1}"));
            }

            Console.Out.Flush();
        }
    }
}
