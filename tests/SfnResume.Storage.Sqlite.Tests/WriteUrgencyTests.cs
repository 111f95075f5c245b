using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>Background writes wait for company, but never past an urgent write, their delay, or the store's closing.</summary>
public sealed class WriteUrgencyTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AppendEventsAsync_BackgroundAlone_IsCommittedAfterTheDelay()
    {
        await using var store = Open(TimeSpan.FromMilliseconds(20));
        var arn = store.CreateExecution(Execution("m", "e")).Execution.Arn;

        await store.AppendEventsAsync(arn, Events(1, 3), urgency: WriteUrgency.Background).WaitAsync(Bound);

        Assert.Equal(3, store.GetHistory(arn).Count);
    }

    [Fact]
    public async Task AppendEventsAsync_BackgroundThenUrgent_ShareTheUrgentCommit()
    {
        await using var store = Open(TimeSpan.FromHours(1));
        var arn = store.CreateExecution(Execution("m", "e")).Execution.Arn;

        var background = store.AppendEventsAsync(arn, Events(1, 2), urgency: WriteUrgency.Background);
        Assert.False(background.IsCompleted);
        await store.CreateExecutionAsync(Execution("m", "other")).WaitAsync(Bound);

        // Queue order: the background write was applied in the same (earlier queued) transaction.
        Assert.True(background.IsCompletedSuccessfully);
        Assert.Equal(2, store.GetHistory(arn).Count);
    }

    [Fact]
    public async Task Dispose_BackgroundWritesQueued_AreCommittedBeforeTheStoreCloses()
    {
        Task background;
        string arn;
        await using (var store = Open(TimeSpan.FromHours(1)))
        {
            arn = store.CreateExecution(Execution("m", "e")).Execution.Arn;
            background = store.AppendEventsAsync(arn, Events(1, 4), urgency: WriteUrgency.Background);
        }

        await background.WaitAsync(Bound);
        await using var reopened = SqliteStore.Open(_dir.Path);
        Assert.Equal(4, reopened.GetHistory(arn).Count);
    }

    private SqliteStore Open(TimeSpan backgroundDelay)
    {
        var store = SqliteStore.Open(_dir.Path, new SqliteStoreOptions { BackgroundCommitDelay = backgroundDelay });
        store.CreateStateMachine(Machine("m"));
        return store;
    }
}
