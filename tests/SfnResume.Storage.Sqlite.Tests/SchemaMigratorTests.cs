using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class SchemaMigratorTests
{
    [Fact]
    public void Open_EmptyDirectory_CreatesDatabaseAtLatestVersionInWalMode()
    {
        using var dir = new TempDirectory();
        var stateDir = Path.Combine(dir.Path, "nested", "state");
        using (SqliteStore.Open(stateDir))
        {
        }

        Assert.True(File.Exists(Path.Combine(stateDir, "state.db")));
        using var connection = OpenRaw(Path.Combine(stateDir, "state.db"));
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.ReadVersion(connection));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        var tables = Scalar(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)");
        Assert.Equal("definition_versions,events,executions,functions,redrive_tokens,stacks,state_machines,tags", tables);
    }

    [Fact]
    public void Open_Reopen_KeepsDataAndDoesNotRerunMigrations()
    {
        using var dir = new TempDirectory();
        using (var store = StoreFixtures.CreateWithMachine(dir.Path))
        {
            store.CreateExecution(StoreFixtures.Execution("m", "e1"));
        }

        using (var store = SqliteStore.Open(dir.Path))
        {
            Assert.NotNull(store.GetStateMachine(StoreFixtures.MachineArn("m")));
            Assert.NotNull(store.GetExecution(StoreFixtures.ExecutionArn("m", "e1")));
        }

        using var connection = OpenRaw(dir.DatabasePath);
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.ReadVersion(connection));
        Assert.Equal(SchemaMigrator.LatestVersion, SchemaMigrator.Migrate(connection, dir.DatabasePath));
    }

    [Fact]
    public void Open_DatabaseFromNewerBuild_ThrowsClearError()
    {
        using var dir = new TempDirectory();
        using (var connection = OpenRaw(dir.DatabasePath))
        {
            Scalar(connection, "PRAGMA user_version = 99;");
        }

        var ex = Assert.Throws<SchemaVersionException>(() => SqliteStore.Open(dir.Path));
        Assert.Equal(99, ex.DatabaseVersion);
        Assert.Equal(SchemaMigrator.LatestVersion, ex.SupportedVersion);
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer sfn-resume", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_FailingScript_LeavesVersionUnchanged()
    {
        using var dir = new TempDirectory();
        using (var connection = OpenRaw(dir.DatabasePath))
        {
            // A table the first migration creates: its script fails part way, and its transaction rolls back whole.
            Scalar(connection, "CREATE TABLE stacks (x INTEGER);");
        }

        Assert.Throws<SqliteException>(() => SqliteStore.Open(dir.Path));
        using var check = OpenRaw(dir.DatabasePath);
        Assert.Equal(0, SchemaMigrator.ReadVersion(check));
        Assert.Equal("0", Scalar(check, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'state_machines'"));
    }

    internal static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    internal static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
