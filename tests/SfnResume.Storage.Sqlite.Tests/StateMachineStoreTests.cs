using Microsoft.Data.Sqlite;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class StateMachineStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteStore _store;

    public StateMachineStoreTests() => _store = SqliteStore.Open(_dir.Path);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void CreateStateMachine_New_StoresMachineFirstVersionAndTags()
    {
        var logging = new LoggingConfiguration { Level = LogLevel.Off, IncludeExecutionData = false };
        var (machine, created) = _store.CreateStateMachine(Machine("m") with
        {
            Type = StateMachineType.Express,
            LoggingConfiguration = logging,
            Tags = [new Tag { Key = "team", Value = "payments" }],
        });

        Assert.True(created);
        var read = _store.GetStateMachine(MachineArn("m"))!;
        Assert.Equal(machine, read);
        Assert.Equal(StateMachineType.Express, read.Type);
        Assert.Equal(StateMachineStatus.Active, read.Status);
        Assert.Equal(T0, read.CreationDate);
        Assert.Equal(Definition, read.Current.Definition);
        Assert.Equal("rev-m", read.Current.RevisionId);
        Assert.Equal(logging, read.Current.LoggingConfiguration);
        Assert.Equal("payments", Assert.Single(_store.ListTags(MachineArn("m"))).Value);
    }

    [Fact]
    public void CreateStateMachine_SameConfigurationAgain_ReturnsExisting()
    {
        _store.CreateStateMachine(Machine("m"));
        var (machine, created) = _store.CreateStateMachine(Machine("m") with { RevisionId = "other", CreationDate = T0.AddDays(1) });

        Assert.False(created);
        Assert.Equal(T0, machine.CreationDate);
        Assert.Single(_store.ListDefinitionVersions(MachineArn("m")));
    }

    [Fact]
    public void CreateStateMachine_DifferentDefinition_ThrowsStateMachineAlreadyExists()
    {
        _store.CreateStateMachine(Machine("m"));
        var ex = Assert.Throws<SfnServiceException>(() =>
            _store.CreateStateMachine(Machine("m", """{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""")));

        Assert.Equal("StateMachineAlreadyExists", ex.ErrorType);
        Assert.Equal($"State Machine Already Exists: '{MachineArn("m")}'", ex.Message);
    }

    [Fact]
    public void UpdateStateMachine_NewDefinition_AddsVersionAndKeepsTheOldOneForItsExecutions()
    {
        _store.CreateStateMachine(Machine("m"));
        _store.CreateExecution(Execution("m", "before"));
        const string next = """{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""";

        var updated = _store.UpdateStateMachine(MachineArn("m"), new StateMachineUpdate
        {
            Definition = next,
            RevisionId = "rev-2",
            UpdateDate = T0.AddHours(1),
        });
        _store.CreateExecution(Execution("m", "after"));

        Assert.Equal(next, updated.Current.Definition);
        Assert.Equal("rev-2", updated.Current.RevisionId);
        Assert.Equal(T0.AddHours(1), updated.UpdateDate);
        Assert.Equal(2, _store.ListDefinitionVersions(MachineArn("m")).Count);
        Assert.Equal(Definition, _store.GetDefinitionForExecution(ExecutionArn("m", "before"))!.Definition);
        Assert.Equal(next, _store.GetDefinitionForExecution(ExecutionArn("m", "after"))!.Definition);
    }

    [Fact]
    public void UpdateStateMachine_NothingChanged_AddsNoVersion()
    {
        _store.CreateStateMachine(Machine("m"));
        _store.UpdateStateMachine(MachineArn("m"), new StateMachineUpdate { RoleArn = Role, RevisionId = "rev-2", UpdateDate = T0 });

        Assert.Single(_store.ListDefinitionVersions(MachineArn("m")));
    }

    [Fact]
    public void UpdateStateMachine_Unknown_ThrowsStateMachineDoesNotExist()
    {
        var ex = Assert.Throws<SfnServiceException>(() =>
            _store.UpdateStateMachine(MachineArn("nope"), new StateMachineUpdate { RoleArn = Role, RevisionId = "r", UpdateDate = T0 }));
        Assert.Equal("StateMachineDoesNotExist", ex.ErrorType);
    }

    [Fact]
    public void DefinitionVersions_RawUpdate_IsRejectedByTheSchema()
    {
        _store.CreateStateMachine(Machine("m"));
        using var connection = SchemaMigratorTests.OpenRaw(_dir.DatabasePath);

        var ex = Assert.Throws<SqliteException>(() => SchemaMigratorTests.Scalar(connection, "UPDATE definition_versions SET definition = '{}'"));
        Assert.Contains("immutable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkStateMachineDeleting_ThenStart_ThrowsStateMachineDeleting()
    {
        _store.CreateStateMachine(Machine("m"));
        Assert.True(_store.MarkStateMachineDeleting(MachineArn("m")));

        var ex = Assert.Throws<SfnServiceException>(() => _store.CreateExecution(Execution("m", "e")));
        Assert.Equal("StateMachineDeleting", ex.ErrorType);
        Assert.Equal(StateMachineStatus.Deleting, _store.GetStateMachine(MachineArn("m"))!.Status);
    }

    [Fact]
    public void DeleteStateMachine_RemovesVersionsExecutionsEventsAndTags()
    {
        _store.CreateStateMachine(Machine("m") with { Tags = [new Tag { Key = "k", Value = "v" }] });
        _store.CreateExecution(Execution("m", "e") with { InitialEvents = Events(1, 3) });

        Assert.True(_store.DeleteStateMachine(MachineArn("m")));

        Assert.Null(_store.GetStateMachine(MachineArn("m")));
        Assert.Null(_store.GetExecution(ExecutionArn("m", "e")));
        Assert.Empty(_store.ListDefinitionVersions(MachineArn("m")));
        using var connection = SchemaMigratorTests.OpenRaw(_dir.DatabasePath);
        Assert.Equal("0", SchemaMigratorTests.Scalar(connection, "SELECT COUNT(*) FROM events"));
        Assert.Equal("0", SchemaMigratorTests.Scalar(connection, "SELECT COUNT(*) FROM tags"));
        Assert.False(_store.DeleteStateMachine(MachineArn("m")));
    }

    [Fact]
    public void ListStateMachines_Paging_ReturnsAllInCreationOrderWithTokens()
    {
        for (var i = 0; i < 7; i++)
        {
            _store.CreateStateMachine(Machine("m" + i));
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = _store.ListStateMachines(3, token);
            names.AddRange(page.Items.Select(m => m.Name));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4", "m5", "m6"], names);
        Assert.Equal(3, pages);
        Assert.Null(_store.ListStateMachines(0, null).NextToken);
    }

    [Fact]
    public void ListStateMachines_TamperedToken_ThrowsInvalidToken()
    {
        _store.CreateStateMachine(Machine("a"));
        _store.CreateStateMachine(Machine("b"));
        var token = _store.ListStateMachines(1, null).NextToken!;
        var tampered = (token[^1] == 'A' ? token[..^1] + "B" : token[..^1] + "A");

        var ex = Assert.Throws<SfnServiceException>(() => _store.ListStateMachines(1, tampered));
        Assert.Equal("InvalidToken", ex.ErrorType);
    }
}
