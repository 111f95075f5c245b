using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

/// <summary>
/// The local state of sfn-resume in one SQLite file (<c>state.db</c> in the state directory): state machines and
/// every definition they had, executions, their append-only histories, deployed functions and stacks, tags.
/// </summary>
/// <remarks>
/// One writer connection, used under a lock, with its hot statements prepared once and reused. Writes either run
/// at once in their own transaction (the synchronous methods) or join a queue whose writer (a thread of its own)
/// commits everything waiting in one transaction (the <c>Async</c> methods: group commit, one flush for many
/// executions, each write in its own savepoint so one failing write does not undo the others). A write a client
/// waits for is committed as soon as the writer is free; the events of running executions may wait a few
/// milliseconds to share that commit (<see cref="WriteUrgency"/>). A write's task completes only after its commit.
/// Reads use pooled connections of their own; WAL mode lets them run while the writer writes.
/// </remarks>
public sealed partial class SqliteStore : IDisposable, IAsyncDisposable
{
    private const int DefaultPageSize = 100;

    private readonly string _connectionString;
    private readonly bool _inMemory;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Thread _queueWriter;
    private readonly SqliteStoreOptions _options;
    private bool _disposed;

    private SqliteStore(string connectionString, bool inMemory, string description, SqliteStoreOptions options)
    {
        _connectionString = connectionString;
        _inMemory = inMemory;
        _options = options;
        DatabaseDescription = description;
        _writer = new SqliteConnection(connectionString);
        try
        {
            _writer.Open();
            Configure(_writer, writer: true);
            SchemaMigrator.Migrate(_writer, description);
        }
        catch
        {
            _writer.Dispose();
            SqliteConnection.ClearPool(_writer);
            throw;
        }

        StartCheckpointer();
        _queueWriter = StartWriter();
    }

    /// <summary>The file (or in-memory name) this store uses, for messages.</summary>
    public string DatabaseDescription { get; }

    private TimeProvider Time => _options.TimeProvider;

    /// <summary>Opens (creating if needed) <c>state.db</c> in <paramref name="stateDirectory"/>, which is created too.</summary>
    public static SqliteStore Open(string stateDirectory, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        return OpenFile(Path.Combine(stateDirectory, "state.db"), options);
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="databasePath"/>.</summary>
    public static SqliteStore OpenFile(string databasePath, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        options ??= SqliteStoreOptions.Default;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        return new SqliteStore(builder.ToString(), inMemory: false, builder.DataSource, options);
    }

    /// <summary>
    /// A database in memory, shared by name within the process while the store is open; for tests that want
    /// speed (durability tests use files). Each call without a name gets a fresh database.
    /// </summary>
    public static SqliteStore OpenInMemory(string? name = null, SqliteStoreOptions? options = null)
    {
        options ??= SqliteStoreOptions.Default;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = name ?? "sfn-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        return new SqliteStore(builder.ToString(), inMemory: true, ":memory:" + builder.DataSource, options);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseQueue();
        _queueWriter.Join();
        StopCheckpointer();
        lock (_writeLock)
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }

            _prepared.Clear();
            _writer.Dispose();
        }

        // Release pooled reader connections so the file can be moved or deleted once the store is closed.
        SqliteConnection.ClearPool(_writer);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            CloseQueue();
            await _writerStopped.Task.ConfigureAwait(false);
            Dispose();
        }
    }

    /// <summary><c>PRAGMA integrity_check</c>: "ok" for a sound file.</summary>
    public string CheckIntegrity() => Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    });

    private void Configure(SqliteConnection connection, bool writer)
    {
        using var command = connection.CreateCommand();
        var synchronous = _options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        var busy = (long)_options.BusyTimeout.TotalMilliseconds;
        command.CommandText = writer && !_inMemory
            ? $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON;"
            : $"PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a read on a pooled connection of its own (in memory: on the writer, under the lock).</summary>
    private T Read<T>(Func<SqliteConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inMemory)
        {
            lock (_writeLock)
            {
                return read(_writer);
            }
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return read(connection);
    }

    /// <summary>Runs <paramref name="write"/> in its own transaction on the writer connection now.</summary>
    private T Write<T>(Func<SqliteTransaction, T> write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            var result = write(transaction);
            transaction.Commit();
            AfterCommit();
            return result;
        }
    }

    /// <summary>A command on the writer, prepared once per SQL text and reused; parameters are reset for each use.</summary>
    private SqliteCommand Prepared(SqliteTransaction transaction, string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _writer.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    private static SqliteCommand ReadCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static int PageSize(int maxResults) => maxResults <= 0 ? DefaultPageSize : Math.Min(maxResults, 1000);
}
