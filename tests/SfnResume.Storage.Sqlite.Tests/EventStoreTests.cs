using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Json;
using SfnResume.Api.Contracts;
using SfnResume.Core.History;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class EventStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteStore _store;
    private readonly string _arn;

    public EventStoreTests()
    {
        _store = CreateWithMachine(_dir.Path);
        _arn = _store.CreateExecution(Execution("m", "e")).Execution.Arn;
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void AppendEvents_ContiguousBatches_StoredAndReadBackAsWritten()
    {
        var events = Events(1, 5);
        _store.AppendEvents(_arn, events[..2]);
        _store.AppendEvents(_arn, events[2..]);

        var history = _store.GetHistory(_arn);
        Assert.Equal(5, history.Count);
        Assert.Equal(ExecutionHistory.FromEvents(events).ToJson(), history.ToJson());
    }

    [Fact]
    public void GetEvents_Page_EventsEqualTheAppendedOnes()
    {
        var events = Events(1, 3);
        _store.AppendEvents(_arn, events);

        var read = _store.GetEvents(_arn, 10, false, null).Items;

        // Same JSON content; a single event read through the serializer may differ in string escaping only.
        Assert.Equal(events.Count, read.Count);
        for (var i = 0; i < events.Count; i++)
        {
            using var expected = System.Text.Json.JsonDocument.Parse(HistoryEventListConverter.WriteEvent(events[i]));
            using var actual = System.Text.Json.JsonDocument.Parse(HistoryEventListConverter.WriteEvent(read[i]));
            Assert.True(System.Text.Json.JsonElement.DeepEquals(expected.RootElement, actual.RootElement));
        }

        Assert.Empty(_store.GetHistory(_store.CreateExecution(Execution("m", "empty")).Execution.Arn).Events);
    }

    [Fact]
    public void AppendEvents_Gap_ThrowsAndStoresNothing()
    {
        _store.AppendEvents(_arn, Events(1, 2));

        var ex = Assert.Throws<HistoryAppendException>(() => _store.AppendEvents(_arn, Events(4, 2)));
        Assert.Equal((3L, 4L), (ex.ExpectedId, ex.ActualId));
        Assert.Equal(2, _store.GetLastEventId(_arn));
    }

    [Fact]
    public void AppendEvents_RewriteOfStoredId_Throws()
    {
        _store.AppendEvents(_arn, Events(1, 3));

        var ex = Assert.Throws<HistoryAppendException>(() => _store.AppendEvents(_arn, Events(3, 1)));
        Assert.Equal(4, ex.ExpectedId);
    }

    [Fact]
    public void AppendEvents_GapInsideBatch_StoresNoPartOfTheBatch()
    {
        var batch = Events(1, 3);
        batch.Add(Events(5, 1)[0]);

        Assert.Throws<HistoryAppendException>(() => _store.AppendEvents(_arn, batch));
        Assert.Equal(0, _store.GetLastEventId(_arn));
    }

    [Fact]
    public void Events_RawUpdateOrDelete_RejectedBySchema()
    {
        _store.AppendEvents(_arn, Events(1, 2));
        using var connection = SchemaMigratorTests.OpenRaw(_dir.DatabasePath);

        Assert.Contains("append-only", Assert.Throws<SqliteException>(() =>
            SchemaMigratorTests.Scalar(connection, "UPDATE events SET json = '{}' WHERE event_id = 1")).Message, StringComparison.Ordinal);
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() =>
            SchemaMigratorTests.Scalar(connection, "DELETE FROM events WHERE event_id = 2")).Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => SchemaMigratorTests.Scalar(connection,
            $"INSERT INTO events (execution_arn, event_id, type, timestamp, json) VALUES ('{_arn}', 1, 'X', 0, '{{}}')"));
    }

    [Fact]
    public void AppendEvents_UnknownExecution_ThrowsExecutionDoesNotExist() =>
        Assert.Equal("ExecutionDoesNotExist", Assert.Throws<SfnServiceException>(() =>
            _store.AppendEvents(ExecutionArn("m", "nope"), Events(1, 1))).ErrorType);

    [Fact]
    public void AppendEvents_WithStatusChange_BothOrNeither()
    {
        var done = new ExecutionUpdate { Status = ExecutionStatuses.Succeeded, StopDate = T0, Output = "{}" };
        _store.AppendEvents(_arn, Events(1, 2), done);
        Assert.Equal(ExecutionStatuses.Succeeded, _store.GetExecution(_arn)!.Status);

        // Not RUNNING any more: the status change fails, and the events offered with it are not stored either.
        Assert.Throws<InvalidOperationException>(() => _store.AppendEvents(_arn, Events(3, 1), done));
        Assert.Equal(2, _store.GetLastEventId(_arn));
    }

    [Fact]
    public void GetEvents_ForwardPaging_VisitsEveryEventOnceInOrder()
    {
        _store.AppendEvents(_arn, Events(1, 10));

        var (ids, pages) = ReadAll(reverse: false, pageSize: 4);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), ids);
        Assert.Equal(3, pages);
    }

    [Fact]
    public void GetEvents_ReversePaging_NewestFirst()
    {
        _store.AppendEvents(_arn, Events(1, 10));

        var (ids, _) = ReadAll(reverse: true, pageSize: 3);

        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), ids);
    }

    [Fact]
    public void GetEventJson_Page_StoredTextAsWritten()
    {
        var events = Events(1, 3);
        _store.AppendEvents(_arn, events);

        var page = _store.GetEventJson(_arn, 2, true, null);
        var next = _store.GetEventJson(_arn, 2, true, page.NextToken);

        Assert.Equal([HistoryEventListConverter.WriteEvent(events[2]), HistoryEventListConverter.WriteEvent(events[1])], page.Items);
        Assert.Equal([HistoryEventListConverter.WriteEvent(events[0])], next.Items);
        Assert.Null(next.NextToken);
    }

    [Fact]
    public void GetEvents_ExactPageMultiple_LastPageHasNoToken()
    {
        _store.AppendEvents(_arn, Events(1, 4));

        var page = _store.GetEvents(_arn, 4, false, null);
        Assert.Equal(4, page.Items.Count);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void GetEvents_TokenOfOtherOrderOrExecution_ThrowsInvalidToken()
    {
        _store.AppendEvents(_arn, Events(1, 4));
        var other = _store.CreateExecution(Execution("m", "other") with { InitialEvents = Events(1, 4) }).Execution.Arn;
        var token = _store.GetEvents(_arn, 2, false, null).NextToken!;

        Assert.Equal("InvalidToken", Assert.Throws<SfnServiceException>(() => _store.GetEvents(_arn, 2, true, token)).ErrorType);
        Assert.Equal("InvalidToken", Assert.Throws<SfnServiceException>(() => _store.GetEvents(other, 2, false, token)).ErrorType);
        Assert.Equal("InvalidToken", Assert.Throws<SfnServiceException>(() => _store.GetEvents(_arn, 2, false, "garbage")).ErrorType);
    }

    [Fact]
    public void GetEvents_UnknownExecution_ThrowsExecutionDoesNotExist() =>
        Assert.Equal("ExecutionDoesNotExist", Assert.Throws<SfnServiceException>(() =>
            _store.GetEvents(ExecutionArn("m", "nope"), 10, false, null)).ErrorType);

    [Fact]
    public async Task AppendEventsAsync_ManyExecutionsConcurrently_EachHistoryContiguous()
    {
        var arns = Enumerable.Range(0, 20).Select(i => _store.CreateExecution(Execution("m", "c" + i)).Execution.Arn).ToArray();

        await Task.WhenAll(arns.Select(async arn =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                await _store.AppendEventsAsync(arn, Events(1 + (batch * 5), 5));
            }
        }));

        Assert.All(arns, arn => Assert.Equal(50, _store.GetHistory(arn).Count));
    }

    [Fact]
    public async Task AppendEventsAsync_BadBatch_FailsAloneAndOthersCommit()
    {
        var good = _store.AppendEventsAsync(_arn, Events(1, 2));
        var bad = _store.AppendEventsAsync(_arn, Events(9, 1));
        var next = _store.AppendEventsAsync(_arn, Events(3, 2));

        await good;
        await next;
        await Assert.ThrowsAsync<HistoryAppendException>(() => bad);
        Assert.Equal(4, _store.GetLastEventId(_arn));
    }

    [Fact]
    public async Task GetEvents_WhileAppending_ReaderSeesAContiguousCommittedPrefix()
    {
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; batch < 50; batch++)
            {
                await _store.AppendEventsAsync(_arn, Events(1 + (batch * 4), 4));
            }
        });

        var seen = 0L;
        while (seen < 200)
        {
            if (writer.IsFaulted)
            {
                await writer;
            }

            var page = _store.GetEvents(_arn, 1000, false, null).Items;
            Assert.Equal(Enumerable.Range(1, page.Count).Select(i => (long)i), page.Select(e => e.Id));
            Assert.True(page.Count % 4 == 0, $"a reader saw part of a batch: {page.Count}");
            Assert.True(page.Count >= seen);
            seen = page.Count;
        }

        await writer;
    }

    [Fact]
    public void OpenInMemory_WorksWithoutFiles()
    {
        using var store = SqliteStore.OpenInMemory();
        store.CreateStateMachine(Machine("m"));
        var arn = store.CreateExecution(Execution("m", "e") with { InitialEvents = Events(1, 3) }).Execution.Arn;

        Assert.Equal(3, store.GetEvents(arn, 0, false, null).Items.Count);
        Assert.StartsWith(":memory:", store.DatabaseDescription, StringComparison.Ordinal);
    }

    private (List<long> Ids, int Pages) ReadAll(bool reverse, int pageSize)
    {
        var ids = new List<long>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = _store.GetEvents(_arn, pageSize, reverse, token);
            ids.AddRange(page.Items.Select(e => e.Id));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);
        return (ids, pages);
    }
}
