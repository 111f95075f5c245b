namespace SfnResume.Core.History;

/// <summary>The kind of state a visit is of, as told by its events' type (<c>TaskStateEntered</c> is a Task).</summary>
public enum VisitedStateType
{
    Unknown = 0,
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

/// <summary>What an event means for the timeline; see history-events.md sections 3 and 4.</summary>
internal enum EventRole
{
    Other = 0,
    ExecutionStarted,
    ExecutionTerminal,
    ExecutionRedriven,
    StateEntered,
    StateExited,
    StateAborted,

    /// <summary>Starts an attempt of a Task: TaskScheduled, LambdaFunctionScheduled, ActivityScheduled.</summary>
    AttemptScheduled,

    /// <summary>A failure that ends a Task attempt (or the state, when it is not retried or caught).</summary>
    AttemptFailed,
    ContainerStarted,
    ContainerSucceeded,
    ContainerFailed,
    ContainerAborted,
    IterationStarted,
    IterationEnded,
    MapRunFailed,
    EvaluationFailed,
}

internal static class EventTypes
{
    // Built with plain loops over the (contiguous, zero-based) values: LINQ and the generic Enum methods over
    // our enums would be compiled by the JIT at start-up, as ReadyToRun does not pregenerate them.
    private static readonly string[] s_names = Enum.GetNames(typeof(HistoryEventType));
    private static readonly EventRole[] s_roles = Table(ComputeRole);
    private static readonly VisitedStateType[] s_stateTypes = Table(ComputeStateType);

    /// <summary>The number of event types, <see cref="HistoryEventType.Unknown"/> included.</summary>
    public static int Count => s_names.Length;

    public static string Name(HistoryEventType type) => s_names[(int)type];

    public static EventRole Role(HistoryEventType type) => s_roles[(int)type];

    /// <summary>The state type named by a <c>&lt;Kind&gt;State*</c> event type; Unknown for the others.</summary>
    public static VisitedStateType StateType(HistoryEventType type) => s_stateTypes[(int)type];

    private static T[] Table<T>(Func<HistoryEventType, T> compute)
    {
        var table = new T[s_names.Length];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = compute((HistoryEventType)i);
        }

        return table;
    }

    private static EventRole ComputeRole(HistoryEventType type)
    {
        var name = type.ToString();
        return type switch
        {
            HistoryEventType.ExecutionStarted => EventRole.ExecutionStarted,
            HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionAborted
                or HistoryEventType.ExecutionTimedOut => EventRole.ExecutionTerminal,
            HistoryEventType.ExecutionRedriven => EventRole.ExecutionRedriven,
            HistoryEventType.TaskScheduled or HistoryEventType.LambdaFunctionScheduled
                or HistoryEventType.ActivityScheduled => EventRole.AttemptScheduled,
            HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut or HistoryEventType.TaskStartFailed
                or HistoryEventType.TaskSubmitFailed or HistoryEventType.LambdaFunctionFailed
                or HistoryEventType.LambdaFunctionTimedOut or HistoryEventType.LambdaFunctionScheduleFailed
                or HistoryEventType.LambdaFunctionStartFailed or HistoryEventType.ActivityFailed
                or HistoryEventType.ActivityTimedOut or HistoryEventType.ActivityScheduleFailed => EventRole.AttemptFailed,
            HistoryEventType.ParallelStateStarted or HistoryEventType.MapStateStarted => EventRole.ContainerStarted,
            HistoryEventType.ParallelStateSucceeded or HistoryEventType.MapStateSucceeded => EventRole.ContainerSucceeded,
            HistoryEventType.ParallelStateFailed or HistoryEventType.MapStateFailed => EventRole.ContainerFailed,
            HistoryEventType.ParallelStateAborted or HistoryEventType.MapStateAborted => EventRole.ContainerAborted,
            HistoryEventType.MapIterationStarted => EventRole.IterationStarted,
            HistoryEventType.MapIterationSucceeded or HistoryEventType.MapIterationFailed
                or HistoryEventType.MapIterationAborted => EventRole.IterationEnded,
            HistoryEventType.MapRunFailed => EventRole.MapRunFailed,
            HistoryEventType.EvaluationFailed => EventRole.EvaluationFailed,
            HistoryEventType.TaskStateAborted or HistoryEventType.WaitStateAborted => EventRole.StateAborted,
            _ when name.EndsWith("StateEntered", StringComparison.Ordinal) => EventRole.StateEntered,
            _ when name.EndsWith("StateExited", StringComparison.Ordinal) => EventRole.StateExited,
            _ => EventRole.Other,
        };
    }

    private static VisitedStateType ComputeStateType(HistoryEventType type)
    {
        var name = type.ToString();
        var at = name.IndexOf("State", StringComparison.Ordinal);
        if (at <= 0 || type == HistoryEventType.Unknown)
        {
            return VisitedStateType.Unknown;
        }

        var kind = Array.IndexOf(Enum.GetNames(typeof(VisitedStateType)), name[..at]);
        return kind > 0 ? (VisitedStateType)kind : VisitedStateType.Unknown;
    }
}
