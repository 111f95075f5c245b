using SfnResume.Api.Contracts;
using SfnResume.Core.History;
using SfnResume.Engine;
using SfnResume.Storage.Sqlite;

namespace SfnResume.Local.Replay;

/// <summary>
/// One attempt of one execution in this process: it sees every event the engine writes, drops those the history
/// already holds (replay), numbers the new ones after the stored ones and appends them to the store in batches,
/// and stores the closing event together with the execution's final status.
/// </summary>
internal sealed class LiveExecution : IExecutionObserver
{
    private static readonly AsyncLocal<LiveExecution?> s_current = new();

    // The engine calls the observer and then, in the same synchronous step on the same thread, the Lambda invoker
    // or the clock: what this thread last wrote tells them which recorded event they continue.
    [ThreadStatic]
    private static LiveExecution? t_lastExecution;

    [ThreadStatic]
    private static HistoryEvent? t_lastReplayed;

    private readonly Lock _gate = new();
    private readonly ReplayMatcher _matcher;
    private readonly SqliteStore? _store;
    private readonly TimeProvider _realClock;
    private readonly DateTimeOffset? _startOrigin;
    private List<HistoryEvent> _pending = [];
    private Task _flushing = Task.CompletedTask;
    private bool _flushScheduled;
    private Exception? _writeError;
    private HistoryEvent? _closing;
    private Action<ExecutionProgress>[] _subscribers = [];
    private volatile bool _detached;
    private bool _flushEnabled;
    private int _eventsSeen;

    public LiveExecution(string executionArn, ReplayPlan plan, SqliteStore? store, TimeProvider realClock)
    {
        ExecutionArn = executionArn;
        _matcher = new ReplayMatcher(plan);
        _store = store;
        _realClock = realClock;

        // A redrive restarts the execution timeout (redrive-and-resume.md section 1); a resumed run keeps it.
        _startOrigin = plan.RedrivenEventId == 0 && plan.Expected.Count > 0 ? plan.Expected[0].Timestamp : null;
    }

    /// <summary>The execution the current asynchronous flow runs (set by the runner for the engine's whole run).</summary>
    public static LiveExecution? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public string ExecutionArn { get; }

    public CancellationTokenSource Stop { get; } = new();

    /// <summary>StopExecution's error and cause, written into ExecutionAborted.</summary>
    public (string? Error, string? Cause)? StopRequest { get; set; }

    public TaskCompletionSource<ExecutionOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Name of the state entered last.</summary>
    public string? CurrentState { get; private set; }

    /// <summary>Recorded events the engine has not written again (0 once the run is live).</summary>
    public int ReplayRemaining
    {
        get
        {
            lock (_gate)
            {
                return _matcher.Remaining;
            }
        }
    }

    /// <summary>While replaying: the recorded time of the next recorded event.</summary>
    public DateTimeOffset? ReplayTime
    {
        get
        {
            lock (_gate)
            {
                return _matcher.ReplayTime;
            }
        }
    }

    /// <summary>
    /// The process is closing: new events are ignored, those already seen are stored (the history a restart
    /// continues from keeps every finished Lambda call), then the caller stops the run.
    /// </summary>
    public async Task DetachAsync()
    {
        lock (_gate)
        {
            _detached = true;
            _flushEnabled = true;
            ScheduleFlush();
        }

        await WaitForFlushAsync().ConfigureAwait(false);
    }

    /// <summary>Replayed events whose data differed from the record, plus recorded events the run never wrote again.</summary>
    public int ReplayMismatches
    {
        get
        {
            lock (_gate)
            {
                return _matcher.Mismatches + _matcher.Remaining;
            }
        }
    }

    public void Subscribe(Action<ExecutionProgress> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }
    }

    public void Unsubscribe(Action<ExecutionProgress> subscriber)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    /// <summary>Where a timer created now counts from: the recorded event this thread replayed last, or the recorded start.</summary>
    public DateTimeOffset? TimerOrigin()
    {
        if (t_lastExecution == this)
        {
            return t_lastReplayed?.Timestamp;
        }

        // Before the first event only the execution's own timeout is set: it counts from the recorded start.
        return Volatile.Read(ref _eventsSeen) == 0 ? _startOrigin : null;
    }

    /// <summary>The recorded end of the Lambda call this thread just replayed the start of, if there is one.</summary>
    public HistoryEvent? RecordedOutcome()
    {
        if (t_lastExecution != this || t_lastReplayed is not { Type: HistoryEventType.LambdaFunctionStarted or HistoryEventType.TaskStarted } started)
        {
            return null;
        }

        lock (_gate)
        {
            return _matcher.OutcomeOf(started);
        }
    }

    public void OnEvent(HistoryEvent historyEvent)
    {
        ExecutionProgress progress;
        Action<ExecutionProgress>[] subscribers;
        if (_detached)
        {
            return;
        }

        Interlocked.Increment(ref _eventsSeen);
        lock (_gate)
        {
            t_lastExecution = this;
            if (_matcher.TryMatch(historyEvent, out var stored))
            {
                t_lastReplayed = stored;
                return;
            }

            t_lastReplayed = null;

            // AWS keeps milliseconds (and so does the store). A branch that goes live while another still replays
            // would carry the replay clock's recorded time: the event is new, it gets the real time.
            var at = _matcher.Remaining > 0 ? _realClock.GetUtcNow() : stored.Timestamp;
            stored = stored with { Timestamp = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond)) };

            if (IsClosing(stored.Type))
            {
                if (stored.Type == HistoryEventType.ExecutionAborted && StopRequest is { } stop && (stop.Error ?? stop.Cause) is not null)
                {
                    stored = stored with { ExecutionAbortedEventDetails = new ErrorEventDetails { Error = stop.Error, Cause = stop.Cause } };
                }

                _closing = stored;
            }
            else
            {
                _pending.Add(stored);
                ScheduleFlush();
            }

            if (stored.Details is StateEnteredEventDetails entered)
            {
                CurrentState = entered.Name;
            }

            progress = new ExecutionProgress(ExecutionArn, stored, CurrentState);
            subscribers = _subscribers;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(progress);
        }
    }

    /// <summary>
    /// Starts storing events as they come: called once the engine waits for something (a timer, a Lambda). Until
    /// then the run is pure computation that a restart would simply redo, and an execution that never waits is
    /// stored in one write with its closing event.
    /// </summary>
    public void EnableFlushing()
    {
        lock (_gate)
        {
            _flushEnabled = true;
            ScheduleFlush();
        }
    }

    /// <summary>
    /// Stores what is left and the closing event with the final status. <paramref name="result"/> is null when the
    /// engine could not run the execution (<paramref name="failure"/>): it then fails with States.Runtime.
    /// </summary>
    public async Task<ExecutionOutcome> FinishAsync(ExecutionResult? result, Exception? failure)
    {
        await WaitForFlushAsync().ConfigureAwait(false);

        List<HistoryEvent> rest;
        HistoryEvent closing;
        lock (_gate)
        {
            if (_writeError is not null)
            {
                throw new InvalidOperationException("The history of " + ExecutionArn + " could not be stored.", _writeError);
            }

            rest = _pending;
            _pending = [];
            closing = _closing ?? RuntimeFailure(failure);
        }

        var status = closing.Type switch
        {
            HistoryEventType.ExecutionSucceeded => ExecutionStatuses.Succeeded,
            HistoryEventType.ExecutionTimedOut => ExecutionStatuses.TimedOut,
            HistoryEventType.ExecutionAborted => ExecutionStatuses.Aborted,
            _ => ExecutionStatuses.Failed,
        };
        var details = closing.ExecutionFailedEventDetails ?? closing.ExecutionTimedOutEventDetails ?? closing.ExecutionAbortedEventDetails;
        var outcome = new ExecutionOutcome(status, closing.ExecutionSucceededEventDetails?.Output ?? (status == ExecutionStatuses.Succeeded ? result?.Output : null),
            details?.Error, details?.Cause, closing.Timestamp);
        rest.Add(closing);
        if (_detached)
        {
            throw new ObjectDisposedException(nameof(LocalStepFunctions), "The process closed while " + ExecutionArn + " was running; it continues when the state directory is opened again.");
        }

        if (_store is not null)
        {
            var update = new ExecutionUpdate { Status = status, StopDate = closing.Timestamp, Output = outcome.Output, Error = outcome.Error, Cause = outcome.Cause };
            // A StopExecution call waits for this write; otherwise nobody does and it may share a later commit.
            var urgency = StopRequest is null ? WriteUrgency.Background : WriteUrgency.Now;
            await _store.AppendEventsAsync(ExecutionArn, rest, update, urgency).ConfigureAwait(false);
        }

        return outcome;
    }

    private HistoryEvent RuntimeFailure(Exception? failure)
    {
        var id = _matcher.TakeNextId();
        return new HistoryEvent
        {
            Id = id,
            PreviousEventId = id - 1,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(_realClock.GetUtcNow().ToUnixTimeMilliseconds()),
            Type = HistoryEventType.ExecutionFailed,
            ExecutionFailedEventDetails = new ErrorEventDetails
            {
                Error = "States.Runtime",
                Cause = failure?.Message ?? "The execution ended without a closing event.",
            },
        };
    }

    private async Task WaitForFlushAsync()
    {
        while (true)
        {
            Task flushing;
            lock (_gate)
            {
                if (!_flushScheduled)
                {
                    return;
                }

                flushing = _flushing;
            }

            await flushing.ConfigureAwait(false);
        }
    }

    private void ScheduleFlush()
    {
        if (_flushEnabled && _store is not null && !_flushScheduled && _writeError is null && _pending.Count > 0)
        {
            _flushScheduled = true;
            _flushing = Task.Run(FlushAsync);
        }
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<HistoryEvent> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushScheduled = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                await _store!.AppendEventsAsync(ExecutionArn, batch, urgency: WriteUrgency.Background).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _writeError ??= e;
                    _flushScheduled = false;
                }

                return;
            }
        }
    }

    private static bool IsClosing(HistoryEventType type) => type is HistoryEventType.ExecutionSucceeded
        or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionTimedOut or HistoryEventType.ExecutionAborted;
}

/// <summary>How an execution attempt ended (what the store's row says once it is written).</summary>
internal sealed record ExecutionOutcome(string Status, string? Output, string? Error, string? Cause, DateTimeOffset StopDate);
