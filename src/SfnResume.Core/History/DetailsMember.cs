namespace SfnResume.Core.History;

/// <summary>The 37 details members a history event can carry (JSON name: lower camel case + <c>EventDetails</c>).</summary>
internal enum DetailsMember
{
    None = 0,
    ActivityFailed,
    ActivityScheduleFailed,
    ActivityScheduled,
    ActivityStarted,
    ActivitySucceeded,
    ActivityTimedOut,
    TaskFailed,
    TaskScheduled,
    TaskStartFailed,
    TaskStarted,
    TaskSubmitFailed,
    TaskSubmitted,
    TaskSucceeded,
    TaskTimedOut,
    ExecutionFailed,
    ExecutionStarted,
    ExecutionSucceeded,
    ExecutionAborted,
    ExecutionTimedOut,
    ExecutionRedriven,
    MapStateStarted,
    MapIterationStarted,
    MapIterationSucceeded,
    MapIterationFailed,
    MapIterationAborted,
    LambdaFunctionFailed,
    LambdaFunctionScheduleFailed,
    LambdaFunctionScheduled,
    LambdaFunctionStartFailed,
    LambdaFunctionSucceeded,
    LambdaFunctionTimedOut,
    StateEntered,
    StateExited,
    MapRunStarted,
    MapRunFailed,
    MapRunRedriven,
    EvaluationFailed,
}

/// <summary>Which details member each event type carries, and how a details object is turned into its record.</summary>
internal static class DetailsMembers
{
    private static readonly string[] s_jsonNames = BuildJsonNames();

    /// <summary>Lookup by the member name's UTF-8 bytes as read.</summary>
    public static readonly Utf8NameTable<DetailsMember> ByJsonName = new(BuildNameEntries());

    private static readonly string[] s_dottedJsonNames = Array.ConvertAll(s_jsonNames, n => "." + n);

    public static string JsonName(DetailsMember member) => s_jsonNames[(int)member];

    /// <summary>The JSON name with a leading dot, for paths in error messages.</summary>
    public static string DottedJsonName(DetailsMember member) => s_dottedJsonNames[(int)member];

    /// <summary>
    /// The member the type writes (history-events.md section 2): every <c>*StateEntered</c> shares
    /// <c>stateEnteredEventDetails</c>, every <c>*StateExited</c> <c>stateExitedEventDetails</c>; types without
    /// details give <see cref="DetailsMember.None"/>.
    /// </summary>
    public static DetailsMember For(HistoryEventType type) => s_forType[(int)type];

    private static readonly DetailsMember[] s_forType = BuildForType();

    private static DetailsMember[] BuildForType()
    {
        var table = new DetailsMember[EventTypes.Count];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = Compute((HistoryEventType)i);
        }

        return table;
    }

    private static DetailsMember Compute(HistoryEventType type)
    {
        var name = type.ToString();
        if (type == HistoryEventType.Unknown)
        {
            return DetailsMember.None;
        }

        if (name.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            return DetailsMember.StateEntered;
        }

        if (name.EndsWith("StateExited", StringComparison.Ordinal))
        {
            return DetailsMember.StateExited;
        }

        var member = Array.IndexOf(Enum.GetNames(typeof(DetailsMember)), name);
        return member > 0 ? (DetailsMember)member : DetailsMember.None;
    }

    public static HistoryEventDetails Create(DetailsMember member, DetailsFields f) => member switch
    {
        DetailsMember.ExecutionStarted => ExecutionStartedEventDetails.From(f),
        DetailsMember.ExecutionSucceeded or DetailsMember.LambdaFunctionSucceeded or DetailsMember.ActivitySucceeded
            => OutputEventDetails.From(f),
        DetailsMember.ExecutionFailed or DetailsMember.ExecutionAborted or DetailsMember.ExecutionTimedOut
            or DetailsMember.LambdaFunctionFailed or DetailsMember.LambdaFunctionScheduleFailed
            or DetailsMember.LambdaFunctionStartFailed or DetailsMember.LambdaFunctionTimedOut
            or DetailsMember.ActivityFailed or DetailsMember.ActivityScheduleFailed or DetailsMember.ActivityTimedOut
            or DetailsMember.MapRunFailed => ErrorEventDetails.From(f),
        DetailsMember.ExecutionRedriven => ExecutionRedrivenEventDetails.From(f),
        DetailsMember.StateEntered => StateEnteredEventDetails.From(f),
        DetailsMember.StateExited => StateExitedEventDetails.From(f),
        DetailsMember.TaskScheduled => TaskScheduledEventDetails.From(f),
        DetailsMember.TaskStarted => TaskStartedEventDetails.From(f),
        DetailsMember.TaskFailed or DetailsMember.TaskTimedOut or DetailsMember.TaskStartFailed
            or DetailsMember.TaskSubmitFailed => TaskFailureEventDetails.From(f),
        DetailsMember.TaskSucceeded or DetailsMember.TaskSubmitted => TaskOutputEventDetails.From(f),
        DetailsMember.LambdaFunctionScheduled => LambdaFunctionScheduledEventDetails.From(f),
        DetailsMember.ActivityScheduled => ActivityScheduledEventDetails.From(f),
        DetailsMember.ActivityStarted => ActivityStartedEventDetails.From(f),
        DetailsMember.MapStateStarted => MapStateStartedEventDetails.From(f),
        DetailsMember.MapIterationStarted or DetailsMember.MapIterationSucceeded or DetailsMember.MapIterationFailed
            or DetailsMember.MapIterationAborted => MapIterationEventDetails.From(f),
        DetailsMember.MapRunStarted => MapRunStartedEventDetails.From(f),
        DetailsMember.MapRunRedriven => MapRunRedrivenEventDetails.From(f),
        DetailsMember.EvaluationFailed => EvaluationFailedEventDetails.From(f),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, null),
    };

    // Plain loops over the (contiguous, zero-based) values, as in EventTypes: no JIT work at start-up.
    private static string[] BuildJsonNames()
    {
        var names = Enum.GetNames(typeof(DetailsMember));
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = i == (int)DetailsMember.None ? "" : char.ToLowerInvariant(names[i][0]) + names[i][1..] + "EventDetails";
        }

        return names;
    }

    private static (string, DetailsMember)[] BuildNameEntries()
    {
        var entries = new (string, DetailsMember)[s_jsonNames.Length - 1];
        for (var i = 1; i < s_jsonNames.Length; i++)
        {
            entries[i - 1] = (s_jsonNames[i], (DetailsMember)i);
        }

        return entries;
    }
}
