using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

/// <summary>How soon a queued write must be committed.</summary>
public enum WriteUrgency
{
    /// <summary>A caller is waiting to answer a client (StartExecution): commit as soon as the writer is free.</summary>
    Now,

    /// <summary>
    /// Nobody answers a client with it (the events of a running execution): it may wait up to
    /// <see cref="SqliteStoreOptions.BackgroundCommitDelay"/> to share the next commit.
    /// </summary>
    Background,
}

public sealed partial class SqliteStore
{
    // The queue of the group-commit writer. A plain monitor rather than a channel: the writer is a thread of its own
    // (a commit blocks for its fsync) and it needs timed waits for background writes.
    private readonly object _queueGate = new();
    private readonly Queue<QueuedWrite> _pendingWrites = new();
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _urgentWrites;
    private bool _closing;

    /// <summary>Queues a write for the group-commit writer; completes after the transaction holding it committed.</summary>
    private Task<T> Enqueue<T>(Func<SqliteTransaction, T> write, WriteUrgency urgency, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new QueuedWrite<T>(write, urgency, Stopwatch.GetTimestamp());
        lock (_queueGate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            _pendingWrites.Enqueue(item);
            if (urgency == WriteUrgency.Now)
            {
                _urgentWrites++;
            }

            // The writer sleeps until work arrives, or until the oldest background write is due: wake it when this
            // write changes either.
            if (urgency == WriteUrgency.Now || _pendingWrites.Count == 1 || _pendingWrites.Count >= _options.MaxWritesPerCommit)
            {
                Monitor.Pulse(_queueGate);
            }
        }

        return item.Task;
    }

    private Thread StartWriter()
    {
        // A dedicated thread, not the thread pool: each commit blocks on its fsync, and a pool thread woken for the
        // next batch would queue behind request and execution work under load, which is exactly when it matters.
        var thread = new Thread(RunWriter) { IsBackground = true, Name = "sfn-resume store writer" };
        thread.Start();
        return thread;
    }

    private void RunWriter()
    {
        var batch = new List<QueuedWrite>();
        try
        {
            while (TakeBatch(batch))
            {
                CommitBatch(batch);
            }
        }
        finally
        {
            _writerStopped.TrySetResult();
        }
    }

    /// <summary>
    /// Waits until a batch is due and takes it, in queue order: at once when an urgent write waits (background
    /// writes ride along), else once the oldest background write has waited the configured delay. False once the
    /// store is closing and nothing is left.
    /// </summary>
    private bool TakeBatch(List<QueuedWrite> batch)
    {
        batch.Clear();
        lock (_queueGate)
        {
            while (true)
            {
                if (_pendingWrites.Count == 0)
                {
                    if (_closing)
                    {
                        return false;
                    }

                    Monitor.Wait(_queueGate);
                    continue;
                }

                if (_urgentWrites > 0 || _closing || _pendingWrites.Count >= _options.MaxWritesPerCommit)
                {
                    break;
                }

                // Measured on the monotonic clock, not the store's TimeProvider: this is when to flush, not what
                // the data says, and a test's fake clock must not hold writes back.
                var due = _options.BackgroundCommitDelay - Stopwatch.GetElapsedTime(_pendingWrites.Peek().QueuedAt);
                if (due <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(_queueGate, due);
            }

            while (batch.Count < _options.MaxWritesPerCommit && _pendingWrites.TryDequeue(out var item))
            {
                batch.Add(item);
                if (item.Urgency == WriteUrgency.Now)
                {
                    _urgentWrites--;
                }
            }
        }

        return true;
    }

    /// <summary>Lets the writer commit what is queued and stop; no write is accepted afterwards.</summary>
    private void CloseQueue()
    {
        lock (_queueGate)
        {
            _closing = true;
            Monitor.PulseAll(_queueGate);
        }
    }

    /// <summary>
    /// All queued writes in one transaction, each inside a savepoint: a write that throws is rolled back to its
    /// savepoint and fails alone. Results are reported only once the commit returned.
    /// </summary>
    private void CommitBatch(List<QueuedWrite> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            lock (_writeLock)
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                for (var i = 0; i < batch.Count; i++)
                {
                    transaction.Save("w");
                    try
                    {
                        batch[i].Apply(transaction);
                        transaction.Release("w");
                    }
                    catch (Exception ex)
                    {
                        // Whatever a write throws (an API error, a broken sequence, or a bug) belongs to that
                        // write's caller; the other writes of the batch go on.
                        transaction.Rollback("w");
                        transaction.Release("w");
                        failures[i] = ex;
                    }
                }

                transaction.Commit();
                AfterCommit();
            }
        }
        catch (Exception ex)
        {
            // The commit itself failed (disk full, I/O error): nothing of the batch is stored, every caller hears so.
            foreach (var item in batch)
            {
                item.Fail(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Complete();
            }
        }
    }

    private abstract class QueuedWrite(WriteUrgency urgency, long queuedAt)
    {
        public WriteUrgency Urgency { get; } = urgency;

        /// <summary><see cref="Stopwatch.GetTimestamp"/> when queued.</summary>
        public long QueuedAt { get; } = queuedAt;

        public abstract void Apply(SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteTransaction, T> write, WriteUrgency urgency, long queuedAt) : QueuedWrite(urgency, queuedAt)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override void Apply(SqliteTransaction transaction) => _result = write(transaction);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
