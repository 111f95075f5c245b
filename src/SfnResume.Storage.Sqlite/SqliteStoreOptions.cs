namespace SfnResume.Storage.Sqlite;

/// <summary>How commits reach the disk (SQLite's <c>PRAGMA synchronous</c>, in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every commit is flushed (fsync of the WAL) before it returns. A process killed or a
    /// machine losing power after a commit keeps it. The default: an event the engine reported (a history a user
    /// saw, an execution ARN returned to a client) must still be there after any crash. Group commit
    /// (<see cref="SqliteStore.AppendEventsAsync"/>) shares one flush among many executions' appends.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: commits are written to the WAL but flushed only at checkpoints. Survives the
    /// process being killed (the OS still holds the writes); an OS crash or power loss may drop the last commits.
    /// The database always opens cleanly either way.
    /// </summary>
    Normal,
}

/// <summary>Settings of <see cref="SqliteStore"/>.</summary>
public sealed record SqliteStoreOptions
{
    public static SqliteStoreOptions Default { get; } = new();

    public SqliteDurability Durability { get; init; } = SqliteDurability.Full;

    /// <summary>How long a connection waits for a lock held by another (readers during a checkpoint, another process).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for rules that depend on the time (execution names reusable after 90 days, redrive tokens).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Most queued writes committed in one transaction by the group-commit writer.</summary>
    public int MaxWritesPerCommit { get; init; } = 512;

    /// <summary>
    /// How long a <see cref="WriteUrgency.Background"/> write may wait for company before the writer commits it on
    /// its own. Background writes join every urgent commit anyway; the delay only spares commits (and fsyncs) that
    /// would hold nothing a client waits for, so the writer is free sooner for the next StartExecution.
    /// </summary>
    public TimeSpan BackgroundCommitDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How often the background checkpointer copies the WAL into the database file (PASSIVE, never blocking the
    /// writer) when something was committed since; after a whole interval without commits it truncates the WAL.
    /// </summary>
    public TimeSpan WalCheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Bound of the WAL file in bytes. Should the background checkpointer fall this far behind, the writer checkpoints
    /// itself after the commit that crossed it, and the file is cut back to this size when the WAL starts over.
    /// </summary>
    public long WalSizeLimit { get; init; } = 16L * 1024 * 1024;
}
