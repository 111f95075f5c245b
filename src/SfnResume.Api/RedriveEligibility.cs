using SfnResume.Api.Contracts;

namespace SfnResume.Api;

/// <summary>What decides whether an execution can be redriven (redrive-and-resume.md section 1).</summary>
public sealed record RedriveFacts
{
    public required string ExecutionType { get; init; }

    /// <summary><see cref="ExecutionStatuses"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    /// <summary>Events in the history now.</summary>
    public required long EventCount { get; init; }

    public bool StateMachineDeleting { get; init; }

    /// <summary>A child execution of a Distributed Map run (redriven through its map run).</summary>
    public bool IsMapRunChild { get; init; }

    public required DateTimeOffset Now { get; init; }
}

/// <summary>DescribeExecution's <c>redriveStatus</c> and <c>redriveStatusReason</c>, and RedriveExecution's check.</summary>
public sealed record RedriveDecision(string Status, string? Reason)
{
    public bool CanRedrive => Status == RedriveStatus.Redrivable;
}

/// <summary>
/// The eligibility rules of native redrive: Standard only, not SUCCEEDED or RUNNING, started on or after the
/// launch of RedriveExecution (2023-11-15), within 14 days of the end, under a year open, room in the history for
/// ExecutionRedriven plus one event, and the machine not being deleted. Reasons are the API reference's strings.
/// </summary>
public static class RedriveEligibility
{
    public static readonly DateTimeOffset RedriveLaunch = new(2023, 11, 15, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan RedrivablePeriod = TimeSpan.FromDays(14);

    public static readonly TimeSpan MaxExecutionTime = TimeSpan.FromDays(365);

    /// <summary>Fewer events than this leave room for ExecutionRedriven and at least one more (history limit 25,000).</summary>
    public const long MaxEventsForRedrive = 24_999;

    public static RedriveDecision Evaluate(RedriveFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        string? reason = null;
        if (facts.StateMachineDeleting)
        {
            reason = "State machine is in DELETING status";
        }
        else if (facts.Status is ExecutionStatuses.Running or ExecutionStatuses.Succeeded or ExecutionStatuses.PendingRedrive)
        {
            reason = $"Execution is {facts.Status} and cannot be redriven";
        }
        else if (facts.ExecutionType != StateMachineType.Standard && !facts.IsMapRunChild)
        {
            reason = "Execution is of type EXPRESS and cannot be redriven";
        }
        else if (facts.StartDate < RedriveLaunch)
        {
            reason = "Execution was started before the launch of RedriveExecution";
        }
        else if (facts.StopDate is { } stop && facts.Now - stop > RedrivablePeriod)
        {
            reason = "Execution redrivable period exceeded";
        }
        else if ((facts.StopDate ?? facts.Now) - facts.StartDate >= MaxExecutionTime)
        {
            reason = "Execution has exceeded the max execution time";
        }
        else if (facts.EventCount >= MaxEventsForRedrive)
        {
            reason = "Execution history event limit exceeded";
        }

        if (reason is not null)
        {
            return new RedriveDecision(RedriveStatus.NotRedrivable, reason);
        }

        return new RedriveDecision(facts.IsMapRunChild ? RedriveStatus.RedrivableByMapRun : RedriveStatus.Redrivable, null);
    }

    /// <summary>Throws ExecutionNotRedrivable with the reason when the execution cannot be redriven directly.</summary>
    public static void EnsureRedrivable(string executionArn, RedriveFacts facts)
    {
        var decision = Evaluate(facts);
        if (!decision.CanRedrive)
        {
            throw SfnServiceException.ExecutionNotRedrivable(executionArn,
                decision.Reason ?? "Execution can only be redriven through its Map Run");
        }
    }
}
