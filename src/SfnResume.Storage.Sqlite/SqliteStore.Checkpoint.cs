using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // WAL checkpoints run on a thread and a connection of their own, so that no acknowledged write pays for one.
    // SQLite's automatic checkpoint runs inside the COMMIT that pushes the WAL past 1000 pages: that commit then
    // copies the WAL into the database file and fsyncs it, which under load showed as 50-110 ms StartExecution
    // outliers. A PASSIVE checkpoint takes no lock a writer needs (https://sqlite.org/c3ref/wal_checkpoint_v2.html),
    // so the writer goes on committing to the WAL while pages are copied behind it.
    private readonly ManualResetEventSlim _checkpointerStop = new(false);
    private Thread? _checkpointer;
    private string? _walPath;
    private long _commitsSinceCheckpoint;

    /// <summary>Turns off the automatic checkpoint on the writer and starts the background checkpointer (files only).</summary>
    private void StartCheckpointer()
    {
        if (_inMemory)
        {
            return;
        }

        using (var command = _writer.CreateCommand())
        {
            // journal_size_limit: when the WAL restarts from its beginning (after a complete checkpoint), SQLite
            // truncates a file that grew past this size back to it (https://sqlite.org/pragma.html#pragma_journal_size_limit).
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {_options.WalSizeLimit};");
            command.ExecuteNonQuery();
        }

        _walPath = _writer.DataSource + "-wal";
        var thread = new Thread(RunCheckpointer) { IsBackground = true, Name = "sfn-resume store checkpointer" };
        thread.Start();
        _checkpointer = thread;
    }

    /// <summary>
    /// Called by the writer after each commit (under the write lock). Counts the commit for the checkpointer and, only
    /// if the checkpointer fell behind so far that the WAL file passed <see cref="SqliteStoreOptions.WalSizeLimit"/>,
    /// checkpoints on the writer itself so the next write starts the WAL over: the bound holds whatever the scheduling.
    /// </summary>
    private void AfterCommit()
    {
        if (_walPath is null)
        {
            return;
        }

        Interlocked.Increment(ref _commitsSinceCheckpoint);
        var wal = new FileInfo(_walPath);
        if (wal.Exists && wal.Length > _options.WalSizeLimit)
        {
            try
            {
                Checkpoint(_writer, "PASSIVE");
            }
            catch (SqliteException)
            {
                // The commit stands whatever happens here; the next commit tries again.
            }
        }
    }

    private void RunCheckpointer()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            // No waiting on the writer: a checkpoint that would have to wait is skipped and tried at the next tick.
            setup.CommandText = "PRAGMA busy_timeout = 0;";
            setup.ExecuteNonQuery();
        }

        var walHasFrames = false;
        while (!_checkpointerStop.Wait(_options.WalCheckpointInterval))
        {
            try
            {
                if (Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) > 0)
                {
                    walHasFrames = Checkpoint(connection, "PASSIVE") > 0;
                }
                else if (walHasFrames)
                {
                    // Idle for a whole interval: copy what is left and truncate the WAL file to zero bytes. TRUNCATE
                    // holds the write lock for its duration, which is why it runs only when nothing is being written.
                    Checkpoint(connection, "TRUNCATE");
                    walHasFrames = false;
                }
            }
            catch (SqliteException)
            {
                // SQLITE_BUSY (a write started meanwhile) or an I/O error: the next tick tries again, and the writer's
                // own check keeps the WAL bounded should checkpoints keep failing here.
                walHasFrames = true;
            }
        }
    }

    /// <summary>Runs <c>PRAGMA wal_checkpoint(mode)</c>; returns the WAL's size in frames as it reports it.</summary>
    private static long Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    private void StopCheckpointer()
    {
        _checkpointerStop.Set();
        _checkpointer?.Join();
        _checkpointerStop.Dispose();
    }
}
