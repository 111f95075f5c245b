using System.Globalization;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>Checkpoints run off the commit path, yet the WAL file stays bounded and every write survives a reopen.</summary>
public sealed class WalCheckpointTests : IDisposable
{
    private const long Limit = 256 * 1024;

    // One transaction's frames may land past the limit before the writer checkpoints and the WAL starts over.
    private const long Slack = 128 * 1024;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LongWriteRun_BackgroundCheckpointerNeverRuns_WalStaysUnderTheBoundAndReopenSeesEveryWrite()
    {
        const int executions = 1500;
        var wal = _dir.DatabasePath + "-wal";
        long largest = 0;

        // The background checkpointer is held off for the whole run: only the writer's own bound keeps the WAL small.
        var options = new SqliteStoreOptions { WalSizeLimit = Limit, WalCheckpointInterval = TimeSpan.FromHours(1) };
        await using (var store = SqliteStore.Open(_dir.Path, options))
        {
            store.CreateStateMachine(Machine("m"));
            for (var i = 0; i < executions; i++)
            {
                var created = await store.CreateExecutionAsync(Execution("m", Name(i)));
                await store.AppendEventsAsync(created.Execution.Arn, Events(1, 4, size: 400), urgency: WriteUrgency.Background);
                largest = Math.Max(largest, new FileInfo(wal).Length);
                Assert.True(largest <= Limit + Slack, $"WAL of {largest} bytes after {i + 1} executions");
            }
        }

        // The run wrote far more than the bound: without checkpoints the WAL would have passed it many times over.
        Assert.True(largest > Limit / 2, $"largest WAL {largest} bytes");

        await using var reopened = SqliteStore.Open(_dir.Path, options);
        for (var i = 0; i < executions; i++)
        {
            var arn = ExecutionArn("m", Name(i));
            Assert.NotNull(reopened.GetExecution(arn));
            Assert.Equal(4, reopened.GetHistory(arn).Count);
        }

        Assert.Equal("ok", reopened.CheckIntegrity());
    }

    [Fact]
    public async Task SynchronousWrites_AreBoundedToo()
    {
        var wal = _dir.DatabasePath + "-wal";
        var options = new SqliteStoreOptions { WalSizeLimit = Limit, WalCheckpointInterval = TimeSpan.FromHours(1) };
        await using var store = SqliteStore.Open(_dir.Path, options);
        store.CreateStateMachine(Machine("m"));
        for (var i = 0; i < 600; i++)
        {
            var arn = store.CreateExecution(Execution("m", Name(i))).Execution.Arn;
            store.AppendEvents(arn, Events(1, 3, size: 400));
            Assert.True(new FileInfo(wal).Length <= Limit + Slack, $"WAL of {new FileInfo(wal).Length} bytes after {i + 1} executions");
        }
    }

    private static string Name(int i) => "e-" + i.ToString(CultureInfo.InvariantCulture);
}
