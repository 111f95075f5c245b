using Microsoft.Data.Sqlite;

namespace SfnResume.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Queues a write for the group-commit writer; completes after the transaction holding it committed.</summary>
    private Task<T> Enqueue<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new QueuedWrite<T>(write);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }

        return item.Task;
    }

    private async Task RunQueueAsync()
    {
        var batch = new List<QueuedWrite>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxWritesPerCommit && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            CommitBatch(batch);
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

    private abstract class QueuedWrite
    {
        public abstract void Apply(SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteTransaction, T> write) : QueuedWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override void Apply(SqliteTransaction transaction) => _result = write(transaction);

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
