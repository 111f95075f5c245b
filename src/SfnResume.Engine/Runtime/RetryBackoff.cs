namespace SfnResume.Engine.Runtime;

/// <summary>
/// The pause before a retry (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error):
/// <c>IntervalSeconds * BackoffRate^attempt</c>, capped by <c>MaxDelaySeconds</c>; with <c>JitterStrategy: FULL</c>
/// a uniformly random share of that value.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>Execution-level ceiling: Step Functions never waits longer than a year.</summary>
    private static readonly TimeSpan s_ceiling = TimeSpan.FromDays(366);

    /// <param name="intervalSeconds">The retrier's IntervalSeconds.</param>
    /// <param name="backoffRate">The retrier's BackoffRate.</param>
    /// <param name="maxDelaySeconds">The retrier's MaxDelaySeconds, or null.</param>
    /// <param name="fullJitter">True for <c>JitterStrategy: FULL</c>.</param>
    /// <param name="retriesSoFar">How many times this retrier already retried (0 before the first retry).</param>
    /// <param name="random">A value in [0, 1) used by FULL jitter (injected so runs are reproducible).</param>
    public static TimeSpan Compute(decimal intervalSeconds, decimal backoffRate, decimal? maxDelaySeconds, bool fullJitter, int retriesSoFar, double random)
    {
        var seconds = (double)intervalSeconds * Math.Pow((double)backoffRate, retriesSoFar);
        if (maxDelaySeconds is { } cap && seconds > (double)cap)
        {
            seconds = (double)cap;
        }

        if (fullJitter)
        {
            seconds *= random;
        }

        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return TimeSpan.Zero;
        }

        return seconds >= s_ceiling.TotalSeconds ? s_ceiling : TimeSpan.FromMilliseconds(Math.Round(seconds * 1000.0));
    }
}
