using Microsoft.Extensions.Time.Testing;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class ExecutionStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly SqliteStore _store;

    public ExecutionStoreTests()
    {
        _store = SqliteStore.Open(_dir.Path, new SqliteStoreOptions { TimeProvider = _time });
        _store.CreateStateMachine(Machine("m"));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void CreateExecution_New_StoresRunningExecutionOnTheCurrentDefinition()
    {
        var result = _store.CreateExecution(Execution("m", "e1", """{"a":1}""") with { TraceHeader = "Root=1" });

        Assert.True(result.Created);
        var read = _store.GetExecution(ExecutionArn("m", "e1"))!;
        Assert.Equal(result.Execution, read);
        Assert.Equal(ExecutionStatuses.Running, read.Status);
        Assert.Equal("""{"a":1}""", read.Input);
        Assert.Equal(StateMachineType.Standard, read.Type);
        Assert.Equal("Root=1", read.TraceHeader);
        Assert.Equal(_store.GetStateMachine(MachineArn("m"))!.Current.Id, read.DefinitionVersionId);
        Assert.Equal(0, read.RedriveCount);
    }

    [Fact]
    public void CreateExecution_SameNameSameInputWhileRunning_ReturnsTheFirst()
    {
        _store.CreateExecution(Execution("m", "e1", """{"a":1}"""));
        var again = _store.CreateExecution(Execution("m", "e1", """{"a":1}""", start: T0.AddSeconds(5)));

        Assert.False(again.Created);
        Assert.Equal(T0, again.Execution.StartDate);
    }

    [Fact]
    public void CreateExecution_SameNameDifferentInput_ThrowsExecutionAlreadyExists()
    {
        _store.CreateExecution(Execution("m", "e1", """{"a":1}"""));

        var ex = Assert.Throws<SfnServiceException>(() => _store.CreateExecution(Execution("m", "e1", """{"a":2}""")));
        Assert.Equal("ExecutionAlreadyExists", ex.ErrorType);
        Assert.Equal($"Execution Already Exists: '{ExecutionArn("m", "e1")}'", ex.Message);
    }

    [Fact]
    public void CreateExecution_NameOfClosedExecution_IsReusableOnlyAfter90Days()
    {
        _store.CreateExecution(Execution("m", "e1") with { InitialEvents = Events(1, 2) });
        _store.UpdateExecution(ExecutionArn("m", "e1"), new ExecutionUpdate { Status = ExecutionStatuses.Succeeded, StopDate = T0, Output = "{}" });

        Assert.Throws<SfnServiceException>(() => _store.CreateExecution(Execution("m", "e1")));
        _time.Advance(TimeSpan.FromDays(90));
        var reused = _store.CreateExecution(Execution("m", "e1", start: _time.GetUtcNow()));

        Assert.True(reused.Created);
        Assert.Equal(ExecutionStatuses.Running, reused.Execution.Status);
        Assert.Equal(0, _store.GetLastEventId(ExecutionArn("m", "e1")));
    }

    [Fact]
    public void CreateExecution_UnknownMachine_ThrowsStateMachineDoesNotExist()
    {
        var ex = Assert.Throws<SfnServiceException>(() => _store.CreateExecution(Execution("nope", "e1")));
        Assert.Equal("StateMachineDoesNotExist", ex.ErrorType);
    }

    [Fact]
    public void CreateExecution_WithInitialEvents_StoresBothTogether()
    {
        _store.CreateExecution(Execution("m", "e1") with { InitialEvents = Events(1, 2) });

        Assert.Equal(2, _store.GetLastEventId(ExecutionArn("m", "e1")));
    }

    [Fact]
    public void UpdateExecution_OnlyFromExpectedStatus()
    {
        var arn = _store.CreateExecution(Execution("m", "e1")).Execution.Arn;
        var failed = new ExecutionUpdate { Status = ExecutionStatuses.Failed, StopDate = T0.AddSeconds(1), Error = "E", Cause = "C" };

        Assert.True(_store.UpdateExecution(arn, failed));
        Assert.False(_store.UpdateExecution(arn, failed with { Status = ExecutionStatuses.Succeeded }));

        var read = _store.GetExecution(arn)!;
        Assert.Equal(ExecutionStatuses.Failed, read.Status);
        Assert.Equal(("E", "C"), (read.Error, read.Cause));
        Assert.Equal(T0.AddSeconds(1), read.StopDate);
        Assert.Equal("ExecutionDoesNotExist",
            Assert.Throws<SfnServiceException>(() => _store.UpdateExecution(ExecutionArn("m", "x"), failed)).ErrorType);
    }

    [Fact]
    public void ListExecutions_NewestFirstWithFiltersAndPaging()
    {
        for (var i = 0; i < 5; i++)
        {
            _store.CreateExecution(Execution("m", "e" + i, start: T0.AddSeconds(i)));
        }

        _store.UpdateExecution(ExecutionArn("m", "e1"), new ExecutionUpdate { Status = ExecutionStatuses.Failed, StopDate = T0 });
        _store.UpdateExecution(ExecutionArn("m", "e3"), new ExecutionUpdate { Status = ExecutionStatuses.Failed, StopDate = T0 });
        _store.RedriveExecution(ExecutionArn("m", "e3"), T0.AddMinutes(1), clientToken: null);

        var all = ListAll(new ExecutionQuery { StateMachineArn = MachineArn("m"), MaxResults = 2 });
        Assert.Equal(["e4", "e3", "e2", "e1", "e0"], all);
        Assert.Equal(["e1"], ListAll(new ExecutionQuery { StateMachineArn = MachineArn("m"), StatusFilter = ExecutionStatuses.Failed }));
        Assert.Equal(["e3"], ListAll(new ExecutionQuery { StateMachineArn = MachineArn("m"), RedriveFilter = RedriveFilter.Redriven }));
        Assert.Equal(4, ListAll(new ExecutionQuery { StateMachineArn = MachineArn("m"), RedriveFilter = RedriveFilter.NotRedriven }).Count);
    }

    [Fact]
    public void ListExecutions_TokenFromAnotherFilter_ThrowsInvalidToken()
    {
        for (var i = 0; i < 3; i++)
        {
            _store.CreateExecution(Execution("m", "e" + i));
        }

        var token = _store.ListExecutions(new ExecutionQuery { StateMachineArn = MachineArn("m"), MaxResults = 1 }).NextToken!;
        var ex = Assert.Throws<SfnServiceException>(() => _store.ListExecutions(new ExecutionQuery
        {
            StateMachineArn = MachineArn("m"), StatusFilter = ExecutionStatuses.Running, NextToken = token,
        }));
        Assert.Equal("InvalidToken", ex.ErrorType);
    }

    [Fact]
    public void ListExecutions_UnknownMachine_ThrowsStateMachineDoesNotExist() =>
        Assert.Equal("StateMachineDoesNotExist", Assert.Throws<SfnServiceException>(() =>
            _store.ListExecutions(new ExecutionQuery { StateMachineArn = MachineArn("nope") })).ErrorType);

    [Fact]
    public void ListRunningExecutions_ReturnsOnlyRunningOldestFirst()
    {
        _store.CreateExecution(Execution("m", "a"));
        _store.CreateExecution(Execution("m", "b"));
        _store.CreateExecution(Execution("m", "c"));
        _store.UpdateExecution(ExecutionArn("m", "b"), new ExecutionUpdate { Status = ExecutionStatuses.Aborted, StopDate = T0 });

        Assert.Equal(["a", "c"], _store.ListRunningExecutions().Select(e => e.Name));
    }

    [Fact]
    public void RedriveExecution_FailedExecution_RunsAgainAndTokenRepeatsTheAnswer()
    {
        var arn = _store.CreateExecution(Execution("m", "e1") with { InitialEvents = Events(1, 2) }).Execution.Arn;
        _store.UpdateExecution(arn, new ExecutionUpdate { Status = ExecutionStatuses.Failed, StopDate = T0, Error = "E" });

        var first = _store.RedriveExecution(arn, T0.AddMinutes(1), "tok-1", Events(3, 1));
        var repeat = _store.RedriveExecution(arn, T0.AddMinutes(2), "tok-1");

        Assert.Equal(T0.AddMinutes(1), first);
        Assert.Equal(first, repeat);
        var read = _store.GetExecution(arn)!;
        Assert.Equal((ExecutionStatuses.Running, 1, (DateTimeOffset?)T0.AddMinutes(1)), (read.Status, read.RedriveCount, read.RedriveDate));
        Assert.Null(read.StopDate);
        Assert.Null(read.Error);
        Assert.Equal(3, _store.GetLastEventId(arn));
    }

    [Fact]
    public void RedriveExecution_Running_ThrowsExecutionNotRedrivable()
    {
        var arn = _store.CreateExecution(Execution("m", "e1")).Execution.Arn;

        var ex = Assert.Throws<SfnServiceException>(() => _store.RedriveExecution(arn, T0, null));
        Assert.Equal("ExecutionNotRedrivable", ex.ErrorType);
        Assert.Contains("Execution is RUNNING and cannot be redriven", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExecutionAsync_ManyConcurrent_AllCommitted()
    {
        var starts = Enumerable.Range(0, 200)
            .Select(i => _store.CreateExecutionAsync(Execution("m", "e" + i) with { InitialEvents = Events(1, 2) }))
            .ToArray();
        var results = await Task.WhenAll(starts);

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(200, ListAll(new ExecutionQuery { StateMachineArn = MachineArn("m"), MaxResults = 1000 }).Count);
    }

    [Fact]
    public async Task CreateExecutionAsync_OneFailingInABatch_OthersStillCommit()
    {
        var ok = _store.CreateExecutionAsync(Execution("m", "ok"));
        var bad = _store.CreateExecutionAsync(Execution("nope", "bad"));
        var ok2 = _store.CreateExecutionAsync(Execution("m", "ok2"));

        await ok;
        await ok2;
        var ex = await Assert.ThrowsAsync<SfnServiceException>(() => bad);
        Assert.Equal("StateMachineDoesNotExist", ex.ErrorType);
        Assert.NotNull(_store.GetExecution(ExecutionArn("m", "ok2")));
    }

    private List<string> ListAll(ExecutionQuery query)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = _store.ListExecutions(query with { NextToken = token });
            names.AddRange(page.Items.Select(e => e.Name));
            token = page.NextToken;
        }
        while (token is not null);
        return names;
    }
}
