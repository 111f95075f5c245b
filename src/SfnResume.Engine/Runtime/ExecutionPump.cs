using System.Collections.Concurrent;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Fast-forward executions run on one thread: every continuation of the execution is posted here and run in
/// order, and when nothing is runnable the virtual clock wakes its earliest sleeper. With synchronous tasks the
/// order of events is therefore fixed by the definition and the input alone; real asynchronous work (a remote
/// Lambda) is waited for when no sleeper is due.
/// </summary>
internal sealed class ExecutionPump : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="start"/> on this thread under the pump, then pumps until its task ends.</summary>
    public T Run<T>(Func<Task<T>> start, VirtualClock clock, DateTimeOffset? deadline, CancellationTokenSource timeout)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var task = start();
            while (!task.IsCompleted)
            {
                if (_queue.TryTake(out var work))
                {
                    work.Callback(work.State);
                    continue;
                }

                if (clock.WakeNext(deadline, out var reachedDeadline))
                {
                    if (reachedDeadline)
                    {
                        timeout.Cancel();
                    }

                    continue;
                }

                // Nothing runnable and nobody asleep: something real is pending; its continuation will be posted.
                work = _queue.Take();
                work.Callback(work.State);
            }

            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public void Dispose() => _queue.Dispose();
}
