using System.Collections.Frozen;

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

    private static readonly FrozenDictionary<string, DetailsMember> s_byJsonName =
        Enum.GetValues<DetailsMember>().Where(m => m != DetailsMember.None)
            .ToFrozenDictionary(m => s_jsonNames[(int)m], StringComparer.Ordinal);

    /// <summary>Lookup by name without allocating a string for each member read.</summary>
    public static readonly FrozenDictionary<string, DetailsMember>.AlternateLookup<ReadOnlySpan<char>> ByJsonName =
        s_byJsonName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] s_dottedJsonNames = s_jsonNames.Select(n => "." + n).ToArray();

    public static string JsonName(DetailsMember member) => s_jsonNames[(int)member];

    /// <summary>The JSON name with a leading dot, for paths in error messages.</summary>
    public static string DottedJsonName(DetailsMember member) => s_dottedJsonNames[(int)member];

    /// <summary>
    /// The member the type writes (history-events.md section 2): every <c>*StateEntered</c> shares
    /// <c>stateEnteredEventDetails</c>, every <c>*StateExited</c> <c>stateExitedEventDetails</c>; types without
    /// details give <see cref="DetailsMember.None"/>.
    /// </summary>
    public static DetailsMember For(HistoryEventType type) => s_forType[(int)type];

    private static readonly DetailsMember[] s_forType = Enum.GetValues<HistoryEventType>().Select(Compute).ToArray();

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

        return Enum.TryParse<DetailsMember>(name, out var member) ? member : DetailsMember.None;
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

    private static string[] BuildJsonNames()
    {
        var values = Enum.GetValues<DetailsMember>();
        var names = new string[values.Length];
        foreach (var m in values)
        {
            var n = m.ToString();
            names[(int)m] = m == DetailsMember.None ? "" : char.ToLowerInvariant(n[0]) + n[1..] + "EventDetails";
        }

        return names;
    }
}
