namespace SfnResume.Engine;

/// <summary>
/// Changes in what AWS writes to execution histories, dated from executions recorded against AWS, so that a
/// recording is compared with the behaviour of its own day (<see cref="EngineOptions.AwsBehaviourOf"/>).
/// </summary>
public static class AwsHistoryChanges
{
    /// <summary>
    /// Before this day, a Distributed Map's <c>MapStateExited</c> followed <c>MapRunSucceeded</c> wherever the Map
    /// stood; from it on, it follows <c>MapRunStarted</c> unless the Map is the execution's first state. Recordings
    /// from February to July 2024 all show the first (including a Map re-entered from a Choice loop, May 2024), every
    /// recording from November 2024 on shows the second; the change fell in between, and the day taken here is the
    /// first of the months with no recording on either side.
    /// </summary>
    public static readonly DateOnly MapStateExitedFollowsMapRunStarted = new(2024, 8, 1);

    /// <summary>True when <paramref name="asOf"/> (null: today) is before <paramref name="change"/>.</summary>
    public static bool Before(DateOnly? asOf, DateOnly change) => asOf is { } day && day < change;
}
