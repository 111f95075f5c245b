using SfnResume.Core.History;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Appends events with consecutive ids. Callers give each event its <c>previousEventId</c> (the "source" of the
/// scope that writes it, history-events.md section 3); the recorder only numbers, stores and announces them.
/// Thread-safe: branches that await real asynchronous work write from several threads.
/// </summary>
internal sealed partial class HistoryRecorder
{
    private static readonly HistoryEventExecutionDataDetails s_notTruncated = new(false);

    private readonly EventLog _events = new();
    private readonly Lock _gate = new();
    private readonly IExecutionObserver? _observer;
    private readonly int _limit;

    public HistoryRecorder(IExecutionObserver? observer, int? limit)
    {
        _observer = observer;
        _limit = limit ?? int.MaxValue;
    }

    public IReadOnlyList<HistoryEvent> Events => _events;

    public int Count => _events.Count;

    /// <summary>True once the quota leaves room for the closing event only.</summary>
    public bool IsAtLimit => _events.Count >= _limit - 1;

    public long Simple(HistoryEventType type, long previous, DateTimeOffset at)
    {
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            Publish(new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type });
            return id;
        }
    }

    public long ExecutionStarted(long previous, DateTimeOffset at, string input, string roleArn)
    {
        var details = new ExecutionStartedEventDetails { Input = input, InputDetails = s_notTruncated, RoleArn = roleArn };
        return Add((previous, at, details), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.ExecutionStarted, PreviousEventId = s.previous, Timestamp = s.at, ExecutionStartedEventDetails = s.details });
    }

    public long StateEntered(HistoryEventType type, long previous, DateTimeOffset at, string name, string input)
    {
        var details = new StateEnteredEventDetails { Name = name, Input = input, InputDetails = s_notTruncated };
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            var e = new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, StateEnteredEventDetails = details };
            Publish(e);
            return id;
        }
    }

    public long StateExited(HistoryEventType type, long previous, DateTimeOffset at, string name, string output, IReadOnlyDictionary<string, string>? assigned)
    {
        var details = new StateExitedEventDetails
        {
            Name = name,
            Output = output,
            OutputDetails = s_notTruncated,
            AssignedVariables = assigned,
            AssignedVariablesDetails = assigned is null ? null : s_notTruncated,
        };
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            var e = new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, StateExitedEventDetails = details };
            Publish(e);
            return id;
        }
    }

    public long MapStateStarted(long previous, DateTimeOffset at, int length) =>
        Add((previous, at, length), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.MapStateStarted, PreviousEventId = s.previous, Timestamp = s.at, MapStateStartedEventDetails = new MapStateStartedEventDetails { Length = s.length } });

    public long MapIteration(HistoryEventType type, long previous, DateTimeOffset at, string mapName, int index)
    {
        var details = new MapIterationEventDetails { Name = mapName, Index = index };
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            var e = type switch
            {
                HistoryEventType.MapIterationStarted => new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, MapIterationStartedEventDetails = details },
                HistoryEventType.MapIterationSucceeded => new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, MapIterationSucceededEventDetails = details },
                HistoryEventType.MapIterationFailed => new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, MapIterationFailedEventDetails = details },
                _ => new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type, MapIterationAbortedEventDetails = details },
            };
            Publish(e);
            return id;
        }
    }

    public long MapRunStarted(long previous, DateTimeOffset at, string mapRunArn) =>
        Add((previous, at, mapRunArn), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.MapRunStarted, PreviousEventId = s.previous, Timestamp = s.at, MapRunStartedEventDetails = new MapRunStartedEventDetails { MapRunArn = s.mapRunArn } });

    public long MapRunFailed(long previous, DateTimeOffset at, string? error, string? cause) =>
        Add((previous, at, details: new ErrorEventDetails { Error = error, Cause = cause }), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.MapRunFailed, PreviousEventId = s.previous, Timestamp = s.at, MapRunFailedEventDetails = s.details });

    public static LambdaFunctionScheduledEventDetails LambdaScheduledDetails(string resource, string input, long? timeoutInSeconds) => new()
    {
        Resource = resource,
        Input = input,
        InputDetails = s_notTruncated,
        TimeoutInSeconds = timeoutInSeconds,
    };

    public long LambdaScheduled(long previous, DateTimeOffset at, string resource, string input, long? timeoutInSeconds) =>
        LambdaScheduled(previous, at, LambdaScheduledDetails(resource, input, timeoutInSeconds));

    /// <summary>LambdaFunctionScheduled with details made by <see cref="LambdaScheduledDetails"/>; they are immutable, so
    /// the retries of one state entry (same function, input and timeout) can share them.</summary>
    public long LambdaScheduled(long previous, DateTimeOffset at, LambdaFunctionScheduledEventDetails details)
    {
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            Publish(new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = HistoryEventType.LambdaFunctionScheduled, LambdaFunctionScheduledEventDetails = details });
            return id;
        }
    }

    public long LambdaSucceeded(long previous, DateTimeOffset at, string output)
    {
        var details = new OutputEventDetails { Output = output, OutputDetails = s_notTruncated };
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            Publish(new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = HistoryEventType.LambdaFunctionSucceeded, LambdaFunctionSucceededEventDetails = details });
            return id;
        }
    }

    public long LambdaError(HistoryEventType type, long previous, DateTimeOffset at, string? error, string? cause)
    {
        var details = new ErrorEventDetails { Error = error, Cause = cause };
        return Add((type, previous, at, details), static (id, s) => s.type == HistoryEventType.LambdaFunctionFailed
            ? new HistoryEvent { Id = id, Type = s.type, PreviousEventId = s.previous, Timestamp = s.at, LambdaFunctionFailedEventDetails = s.details }
            : new HistoryEvent { Id = id, Type = s.type, PreviousEventId = s.previous, Timestamp = s.at, LambdaFunctionTimedOutEventDetails = s.details });
    }

    /// <summary>The previousEventId of event <paramref name="id"/>.</summary>
    public long PreviousOf(long id)
    {
        lock (_gate)
        {
            return _events[(int)(id - 1)].PreviousEventId;
        }
    }

    /// <summary>A JSONata expression of <paramref name="state"/> failed at <paramref name="location"/> (history-events.md).</summary>
    public long EvaluationFailed(long previous, DateTimeOffset at, string error, string cause, string? location, string state)
    {
        var details = new EvaluationFailedEventDetails { Error = error, Cause = cause, Location = location, State = state };
        return Add((previous, at, details), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.EvaluationFailed, PreviousEventId = s.previous, Timestamp = s.at, EvaluationFailedEventDetails = s.details });
    }

    public long TaskScheduled(long previous, DateTimeOffset at, string resourceType, string resource, string region, string parameters, long? timeoutInSeconds, long? heartbeatInSeconds)
    {
        var details = new TaskScheduledEventDetails
        {
            ResourceType = resourceType,
            Resource = resource,
            Region = region,
            Parameters = parameters,
            TimeoutInSeconds = timeoutInSeconds,
            HeartbeatInSeconds = heartbeatInSeconds,
        };
        return Add((previous, at, details), static (id, s) => new HistoryEvent { Id = id, Type = HistoryEventType.TaskScheduled, PreviousEventId = s.previous, Timestamp = s.at, TaskScheduledEventDetails = s.details });
    }

    public long TaskStarted(long previous, DateTimeOffset at, string resourceType, string resource) =>
        Add((previous, at, details: new TaskStartedEventDetails { ResourceType = resourceType, Resource = resource }), static (id, s) => new HistoryEvent
        {
            Id = id,
            Type = HistoryEventType.TaskStarted,
            PreviousEventId = s.previous,
            Timestamp = s.at,
            TaskStartedEventDetails = s.details,
        });

    public long TaskSucceeded(long previous, DateTimeOffset at, string resourceType, string resource, string output) =>
        Add((previous, at, details: new TaskOutputEventDetails { ResourceType = resourceType, Resource = resource, Output = output, OutputDetails = s_notTruncated }), static (id, s) => new HistoryEvent
        {
            Id = id,
            Type = HistoryEventType.TaskSucceeded,
            PreviousEventId = s.previous,
            Timestamp = s.at,
            TaskSucceededEventDetails = s.details,
        });

    public long TaskError(HistoryEventType type, long previous, DateTimeOffset at, string resourceType, string resource, string? error, string? cause)
    {
        var details = new TaskFailureEventDetails { ResourceType = resourceType, Resource = resource, Error = error, Cause = cause };
        return Add((type, previous, at, details), static (id, s) => s.type == HistoryEventType.TaskFailed
            ? new HistoryEvent { Id = id, Type = s.type, PreviousEventId = s.previous, Timestamp = s.at, TaskFailedEventDetails = s.details }
            : new HistoryEvent { Id = id, Type = s.type, PreviousEventId = s.previous, Timestamp = s.at, TaskTimedOutEventDetails = s.details });
    }

    /// <summary>Writes a closing event (ExecutionSucceeded/Failed/Aborted/TimedOut): always fits in the quota.</summary>
    public long Closing(HistoryEventType type, long previous, DateTimeOffset at, string? output, string? error, string? cause)
    {
        lock (_gate)
        {
            var id = _events.Count + 1L;
            var e = new HistoryEvent { Id = id, PreviousEventId = previous, Timestamp = at, Type = type };
            e = type switch
            {
                HistoryEventType.ExecutionSucceeded => e with { ExecutionSucceededEventDetails = new OutputEventDetails { Output = output, OutputDetails = s_notTruncated } },
                HistoryEventType.ExecutionFailed => e with { ExecutionFailedEventDetails = new ErrorEventDetails { Error = error, Cause = cause } },
                HistoryEventType.ExecutionTimedOut => e with { ExecutionTimedOutEventDetails = new ErrorEventDetails { Error = error, Cause = cause } },
                _ => e with { ExecutionAbortedEventDetails = new ErrorEventDetails { Error = error, Cause = cause } },
            };
            Publish(e);
            return id;
        }
    }

    /// <summary>Numbers and appends the event <paramref name="build"/> makes for its id from <paramref name="state"/>. The
    /// event is built with its details in one go: a <c>with</c> copy of the large event record would double its
    /// allocation. <paramref name="build"/> is a static lambda and the state a value tuple, so no closure is allocated
    /// per event.</summary>
    private long Add<TState>(TState state, Func<long, TState, HistoryEvent> build)
    {
        lock (_gate)
        {
            CheckRoom();
            var id = _events.Count + 1L;
            Publish(build(id, state));
            return id;
        }
    }

    private void CheckRoom()
    {
        if (_events.Count >= _limit - 1)
        {
            throw new HistoryLimitExceededException(_limit);
        }
    }

    private void Publish(HistoryEvent e)
    {
        _events.Add(e);
        _observer?.OnEvent(e);
    }
}

/// <summary>The execution reached the history quota; it fails (the last slot is kept for ExecutionFailed).</summary>
internal sealed class HistoryLimitExceededException(int limit)
    : Exception("The execution reached the maximum number of history events (" + limit + ").")
{
}
