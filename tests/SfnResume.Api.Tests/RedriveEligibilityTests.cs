using SfnResume.Api.Contracts;

namespace SfnResume.Api.Tests;

public sealed class RedriveEligibilityTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly RedriveFacts s_failed = new()
    {
        ExecutionType = StateMachineType.Standard,
        Status = ExecutionStatuses.Failed,
        StartDate = s_start,
        StopDate = s_start.AddMinutes(5),
        EventCount = 20,
        Now = s_start.AddDays(1),
    };

    [Fact]
    public void Evaluate_RecentFailure_Redrivable() =>
        Assert.Equal(new RedriveDecision(RedriveStatus.Redrivable, null), RedriveEligibility.Evaluate(s_failed));

    [Fact]
    public void Evaluate_Succeeded_RecordedReason() =>
        Assert.Equal(new RedriveDecision(RedriveStatus.NotRedrivable, "Execution is SUCCEEDED and cannot be redriven"),
            RedriveEligibility.Evaluate(s_failed with { Status = ExecutionStatuses.Succeeded }));

    [Theory]
    [InlineData("deleting", "State machine is in DELETING status")]
    [InlineData("running", "Execution is RUNNING and cannot be redriven")]
    [InlineData("old", "Execution was started before the launch of RedriveExecution")]
    [InlineData("late", "Execution redrivable period exceeded")]
    [InlineData("long", "Execution has exceeded the max execution time")]
    [InlineData("full", "Execution history event limit exceeded")]
    public void Evaluate_EachRule_NotRedrivableWithReason(string rule, string reason)
    {
        var facts = rule switch
        {
            "deleting" => s_failed with { StateMachineDeleting = true },
            "running" => s_failed with { Status = ExecutionStatuses.Running, StopDate = null },
            "old" => s_failed with { StartDate = new DateTimeOffset(2023, 11, 14, 0, 0, 0, TimeSpan.Zero) },
            "late" => s_failed with { Now = s_failed.StopDate!.Value.AddDays(14).AddSeconds(1) },
            "long" => s_failed with { StopDate = s_start.AddDays(365), Now = s_start.AddDays(366) },
            _ => s_failed with { EventCount = 24_999 },
        };

        Assert.Equal(new RedriveDecision(RedriveStatus.NotRedrivable, reason), RedriveEligibility.Evaluate(facts));
        var ex = Assert.Throws<SfnServiceException>(() => RedriveEligibility.EnsureRedrivable("arn", facts));
        Assert.Equal("ExecutionNotRedrivable", ex.ErrorType);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MapRunChild_RedrivableByMapRun() =>
        Assert.Equal(RedriveStatus.RedrivableByMapRun, RedriveEligibility.Evaluate(s_failed with { IsMapRunChild = true }).Status);
}
