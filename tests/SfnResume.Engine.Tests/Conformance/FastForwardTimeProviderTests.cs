using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class FastForwardTimeProviderTests
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Delay_LongVirtualWait_CompletesAndMovesTheClock()
    {
        var clock = new FastForwardTimeProvider(s_start);

        await Task.Delay(TimeSpan.FromDays(3), clock).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(s_start.AddDays(3), clock.GetUtcNow());
    }

    [Fact]
    public async Task Delay_OneAfterAnother_ClockAddsUp()
    {
        var clock = new FastForwardTimeProvider(s_start);

        await Task.Delay(TimeSpan.FromSeconds(5), clock).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(60), clock).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(s_start.AddSeconds(65), clock.GetUtcNow());
    }

    [Fact]
    public async Task CreateTimer_InfiniteDueTime_NeverFiresNorMovesTheClock()
    {
        var clock = new FastForwardTimeProvider(s_start);
        bool fired = false;
        using var idle = clock.CreateTimer(_ => fired = true, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        await Task.Delay(TimeSpan.FromSeconds(20), clock).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(fired);
        Assert.Equal(s_start.AddSeconds(20), clock.GetUtcNow());
    }
}
