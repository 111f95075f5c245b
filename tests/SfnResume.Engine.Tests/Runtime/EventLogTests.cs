using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Tests.Runtime;

public sealed class EventLogTests
{
    private static HistoryEvent Event(long id) => new() { Id = id, Type = HistoryEventType.PassStateEntered, Timestamp = DateTimeOffset.UnixEpoch };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(40_006)]
    public void Add_ManyEvents_IndexerAndEnumerationGiveThemInOrder(int count)
    {
        var log = new EventLog();
        for (var i = 1; i <= count; i++)
        {
            log.Add(Event(i));
        }

        Assert.Equal(count, log.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i + 1, log[i].Id);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), log.Select(e => e.Id));
    }

    [Fact]
    public void Indexer_PastCount_Throws()
    {
        var log = new EventLog();
        log.Add(Event(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }
}
