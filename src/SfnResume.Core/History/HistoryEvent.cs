using System.Text.Json.Serialization;

namespace SfnResume.Core.History;

/// <summary>
/// One event of an execution history, shaped like an item of <c>GetExecutionHistory</c>'s <c>events</c>: the
/// common members and at most one <c>*EventDetails</c> member (history-events.md section 1). Data members
/// (<c>input</c>, <c>output</c>, <c>parameters</c>) hold JSON text in strings, as on the wire.
/// </summary>
/// <remarks>
/// An event read from a file remembers its JSON; as long as it is not changed (<c>with</c>), it is written back
/// exactly as read: same members, order, numbers and timestamp text.
/// </remarks>
[JsonConverter(typeof(HistoryEventJsonConverter))]
public sealed record HistoryEvent
{
    private DetailsMember _member;
    private HistoryEventDetails? _details;

    /// <summary>1, 2, 3 ... in the order the events were written.</summary>
    public required long Id { get; init; }

    /// <summary>The event this one follows in its scope; 0 for the first events (see history-events.md section 3).</summary>
    public long PreviousEventId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required HistoryEventType Type { get; init; }

    /// <summary>The type as written; differs from <see cref="Type"/>'s name only for an <see cref="HistoryEventType.Unknown"/> type.</summary>
    public string TypeName
    {
        get => _unknownTypeName ?? EventTypes.Name(Type);
        init => _unknownTypeName = Enum.TryParse<HistoryEventType>(value, out var t) && t != HistoryEventType.Unknown && EventTypes.Name(t) == value ? null : value;
    }

    /// <summary>The details member the event carries, whichever it is.</summary>
    public HistoryEventDetails? Details => _details;

    /// <summary>The JSON name of <see cref="Details"/> (<c>stateEnteredEventDetails</c>), or null.</summary>
    public string? DetailsMemberName => _member == DetailsMember.None ? null : DetailsMembers.JsonName(_member);

    /// <summary><c>activityFailedEventDetails</c>.</summary>
    public ErrorEventDetails? ActivityFailedEventDetails
    {
        get => _member == DetailsMember.ActivityFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivityFailed, value);
    }

    /// <summary><c>activityScheduleFailedEventDetails</c>.</summary>
    public ErrorEventDetails? ActivityScheduleFailedEventDetails
    {
        get => _member == DetailsMember.ActivityScheduleFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivityScheduleFailed, value);
    }

    /// <summary><c>activityScheduledEventDetails</c>.</summary>
    public ActivityScheduledEventDetails? ActivityScheduledEventDetails
    {
        get => _member == DetailsMember.ActivityScheduled ? (ActivityScheduledEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivityScheduled, value);
    }

    /// <summary><c>activityStartedEventDetails</c>.</summary>
    public ActivityStartedEventDetails? ActivityStartedEventDetails
    {
        get => _member == DetailsMember.ActivityStarted ? (ActivityStartedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivityStarted, value);
    }

    /// <summary><c>activitySucceededEventDetails</c>.</summary>
    public OutputEventDetails? ActivitySucceededEventDetails
    {
        get => _member == DetailsMember.ActivitySucceeded ? (OutputEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivitySucceeded, value);
    }

    /// <summary><c>activityTimedOutEventDetails</c>.</summary>
    public ErrorEventDetails? ActivityTimedOutEventDetails
    {
        get => _member == DetailsMember.ActivityTimedOut ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ActivityTimedOut, value);
    }

    /// <summary><c>taskFailedEventDetails</c>.</summary>
    public TaskFailureEventDetails? TaskFailedEventDetails
    {
        get => _member == DetailsMember.TaskFailed ? (TaskFailureEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskFailed, value);
    }

    /// <summary><c>taskScheduledEventDetails</c>.</summary>
    public TaskScheduledEventDetails? TaskScheduledEventDetails
    {
        get => _member == DetailsMember.TaskScheduled ? (TaskScheduledEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskScheduled, value);
    }

    /// <summary><c>taskStartFailedEventDetails</c>.</summary>
    public TaskFailureEventDetails? TaskStartFailedEventDetails
    {
        get => _member == DetailsMember.TaskStartFailed ? (TaskFailureEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskStartFailed, value);
    }

    /// <summary><c>taskStartedEventDetails</c>.</summary>
    public TaskStartedEventDetails? TaskStartedEventDetails
    {
        get => _member == DetailsMember.TaskStarted ? (TaskStartedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskStarted, value);
    }

    /// <summary><c>taskSubmitFailedEventDetails</c>.</summary>
    public TaskFailureEventDetails? TaskSubmitFailedEventDetails
    {
        get => _member == DetailsMember.TaskSubmitFailed ? (TaskFailureEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskSubmitFailed, value);
    }

    /// <summary><c>taskSubmittedEventDetails</c>.</summary>
    public TaskOutputEventDetails? TaskSubmittedEventDetails
    {
        get => _member == DetailsMember.TaskSubmitted ? (TaskOutputEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskSubmitted, value);
    }

    /// <summary><c>taskSucceededEventDetails</c>.</summary>
    public TaskOutputEventDetails? TaskSucceededEventDetails
    {
        get => _member == DetailsMember.TaskSucceeded ? (TaskOutputEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskSucceeded, value);
    }

    /// <summary><c>taskTimedOutEventDetails</c>.</summary>
    public TaskFailureEventDetails? TaskTimedOutEventDetails
    {
        get => _member == DetailsMember.TaskTimedOut ? (TaskFailureEventDetails)_details! : null;
        init => SetDetails(DetailsMember.TaskTimedOut, value);
    }

    /// <summary><c>executionFailedEventDetails</c>.</summary>
    public ErrorEventDetails? ExecutionFailedEventDetails
    {
        get => _member == DetailsMember.ExecutionFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionFailed, value);
    }

    /// <summary><c>executionStartedEventDetails</c>.</summary>
    public ExecutionStartedEventDetails? ExecutionStartedEventDetails
    {
        get => _member == DetailsMember.ExecutionStarted ? (ExecutionStartedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionStarted, value);
    }

    /// <summary><c>executionSucceededEventDetails</c>.</summary>
    public OutputEventDetails? ExecutionSucceededEventDetails
    {
        get => _member == DetailsMember.ExecutionSucceeded ? (OutputEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionSucceeded, value);
    }

    /// <summary><c>executionAbortedEventDetails</c>.</summary>
    public ErrorEventDetails? ExecutionAbortedEventDetails
    {
        get => _member == DetailsMember.ExecutionAborted ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionAborted, value);
    }

    /// <summary><c>executionTimedOutEventDetails</c>.</summary>
    public ErrorEventDetails? ExecutionTimedOutEventDetails
    {
        get => _member == DetailsMember.ExecutionTimedOut ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionTimedOut, value);
    }

    /// <summary><c>executionRedrivenEventDetails</c>.</summary>
    public ExecutionRedrivenEventDetails? ExecutionRedrivenEventDetails
    {
        get => _member == DetailsMember.ExecutionRedriven ? (ExecutionRedrivenEventDetails)_details! : null;
        init => SetDetails(DetailsMember.ExecutionRedriven, value);
    }

    /// <summary><c>mapStateStartedEventDetails</c>.</summary>
    public MapStateStartedEventDetails? MapStateStartedEventDetails
    {
        get => _member == DetailsMember.MapStateStarted ? (MapStateStartedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapStateStarted, value);
    }

    /// <summary><c>mapIterationStartedEventDetails</c>.</summary>
    public MapIterationEventDetails? MapIterationStartedEventDetails
    {
        get => _member == DetailsMember.MapIterationStarted ? (MapIterationEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapIterationStarted, value);
    }

    /// <summary><c>mapIterationSucceededEventDetails</c>.</summary>
    public MapIterationEventDetails? MapIterationSucceededEventDetails
    {
        get => _member == DetailsMember.MapIterationSucceeded ? (MapIterationEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapIterationSucceeded, value);
    }

    /// <summary><c>mapIterationFailedEventDetails</c>.</summary>
    public MapIterationEventDetails? MapIterationFailedEventDetails
    {
        get => _member == DetailsMember.MapIterationFailed ? (MapIterationEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapIterationFailed, value);
    }

    /// <summary><c>mapIterationAbortedEventDetails</c>.</summary>
    public MapIterationEventDetails? MapIterationAbortedEventDetails
    {
        get => _member == DetailsMember.MapIterationAborted ? (MapIterationEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapIterationAborted, value);
    }

    /// <summary><c>lambdaFunctionFailedEventDetails</c>.</summary>
    public ErrorEventDetails? LambdaFunctionFailedEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionFailed, value);
    }

    /// <summary><c>lambdaFunctionScheduleFailedEventDetails</c>.</summary>
    public ErrorEventDetails? LambdaFunctionScheduleFailedEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionScheduleFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionScheduleFailed, value);
    }

    /// <summary><c>lambdaFunctionScheduledEventDetails</c>.</summary>
    public LambdaFunctionScheduledEventDetails? LambdaFunctionScheduledEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionScheduled ? (LambdaFunctionScheduledEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionScheduled, value);
    }

    /// <summary><c>lambdaFunctionStartFailedEventDetails</c>.</summary>
    public ErrorEventDetails? LambdaFunctionStartFailedEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionStartFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionStartFailed, value);
    }

    /// <summary><c>lambdaFunctionSucceededEventDetails</c>.</summary>
    public OutputEventDetails? LambdaFunctionSucceededEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionSucceeded ? (OutputEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionSucceeded, value);
    }

    /// <summary><c>lambdaFunctionTimedOutEventDetails</c>.</summary>
    public ErrorEventDetails? LambdaFunctionTimedOutEventDetails
    {
        get => _member == DetailsMember.LambdaFunctionTimedOut ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.LambdaFunctionTimedOut, value);
    }

    /// <summary><c>stateEnteredEventDetails</c>.</summary>
    public StateEnteredEventDetails? StateEnteredEventDetails
    {
        get => _member == DetailsMember.StateEntered ? (StateEnteredEventDetails)_details! : null;
        init => SetDetails(DetailsMember.StateEntered, value);
    }

    /// <summary><c>stateExitedEventDetails</c>.</summary>
    public StateExitedEventDetails? StateExitedEventDetails
    {
        get => _member == DetailsMember.StateExited ? (StateExitedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.StateExited, value);
    }

    /// <summary><c>mapRunStartedEventDetails</c>.</summary>
    public MapRunStartedEventDetails? MapRunStartedEventDetails
    {
        get => _member == DetailsMember.MapRunStarted ? (MapRunStartedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapRunStarted, value);
    }

    /// <summary><c>mapRunFailedEventDetails</c>.</summary>
    public ErrorEventDetails? MapRunFailedEventDetails
    {
        get => _member == DetailsMember.MapRunFailed ? (ErrorEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapRunFailed, value);
    }

    /// <summary><c>mapRunRedrivenEventDetails</c>.</summary>
    public MapRunRedrivenEventDetails? MapRunRedrivenEventDetails
    {
        get => _member == DetailsMember.MapRunRedriven ? (MapRunRedrivenEventDetails)_details! : null;
        init => SetDetails(DetailsMember.MapRunRedriven, value);
    }

    /// <summary><c>evaluationFailedEventDetails</c>.</summary>
    public EvaluationFailedEventDetails? EvaluationFailedEventDetails
    {
        get => _member == DetailsMember.EvaluationFailed ? (EvaluationFailedEventDetails)_details! : null;
        init => SetDetails(DetailsMember.EvaluationFailed, value);
    }

    /// <summary>The state name of an Entered/Exited event, or null.</summary>
    public string? StateName => _details switch
    {
        StateEnteredEventDetails d => d.Name,
        StateExitedEventDetails d => d.Name,
        _ => null,
    };

    /// <summary>The <c>error</c> of a failure event, or null.</summary>
    public string? Error => _details switch
    {
        ErrorEventDetails d => d.Error,
        TaskFailureEventDetails d => d.Error,
        EvaluationFailedEventDetails d => d.Error,
        _ => null,
    };

    /// <summary>The <c>cause</c> of a failure event, or null.</summary>
    public string? Cause => _details switch
    {
        ErrorEventDetails d => d.Cause,
        TaskFailureEventDetails d => d.Cause,
        EvaluationFailedEventDetails d => d.Cause,
        _ => null,
    };

    internal DetailsMember Member => _member;

    /// <summary>Keeps <c>ToString()</c> to what identifies the event, instead of all 37 details members.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", PreviousEventId = ").Append(PreviousEventId)
            .Append(", Type = ").Append(TypeName)
            .Append(", Timestamp = ").Append(Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        if (_details is not null)
        {
            builder.Append(", ").Append(DetailsMemberName).Append(" = ").Append(_details);
        }

        return true;
    }

    private readonly string? _unknownTypeName;

    private SourceHolder _source;

    /// <summary>Whether the event was read from JSON (and keeps it).</summary>
    internal bool HasSource => _source.Original is not null;

    /// <summary>The JSON the event was read from; empty when it was built in code.</summary>
    internal ReadOnlyMemory<byte> SourceJson => _source.Json;

    /// <summary>The JSON this event was read from, when the event is still the one read (not changed with <c>with</c>).</summary>
    internal ReadOnlyMemory<byte>? UnchangedJson
    {
        get
        {
            if (_source.Original is not { } original)
            {
                return null;
            }

            // Not "cond ? Json : null": null would convert to an empty ReadOnlyMemory through byte[].
            if (ReferenceEquals(original, this) || Equals(original))
            {
                return _source.Json;
            }

            return null;
        }
    }

    /// <summary>Remembers the JSON a just-read event came from.</summary>
    internal void SetSource(ReadOnlyMemory<byte> json) => _source = new SourceHolder(json, this);

    internal static HistoryEvent WithDetails(HistoryEvent e, DetailsMember member, HistoryEventDetails? details)
    {
        e._member = details is null ? DetailsMember.None : member;
        e._details = details;
        return e;
    }

    private void SetDetails(DetailsMember member, HistoryEventDetails? value)
    {
        if (value is null)
        {
            if (_member == member)
            {
                _member = DetailsMember.None;
                _details = null;
            }

            return;
        }

        if (_member != DetailsMember.None && _member != member)
        {
            throw new InvalidOperationException(
                $"A history event carries at most one details member; {DetailsMembers.JsonName(_member)} is already set.");
        }

        _member = member;
        _details = value;
    }

    /// <summary>
    /// The JSON an event was read from and the event as read (to tell whether a copy was changed). It compares
    /// equal to any other, so that two events with the same content are equal however they were made.
    /// </summary>
    private readonly struct SourceHolder(ReadOnlyMemory<byte> json, HistoryEvent original) : IEquatable<SourceHolder>
    {
        public ReadOnlyMemory<byte> Json { get; } = json;

        public HistoryEvent? Original { get; } = original;

        public bool Equals(SourceHolder other) => true;

        public override bool Equals(object? obj) => obj is SourceHolder;

        public override int GetHashCode() => 0;
    }
}
