using System.Text;
using SfnResume.Core.History;

namespace SfnResume.Core.Tests.History;

public sealed class Utf8TablesTests
{
    [Fact]
    public void NameTable_KnownAndUnknownNames_FindsOnlyExactMatches()
    {
        var table = new Utf8NameTable<HistoryEventType>(
        [
            ("TaskStateEntered", HistoryEventType.TaskStateEntered),
            ("PassStateEntered", HistoryEventType.PassStateEntered),
            ("MapStateStarted", HistoryEventType.MapStateStarted),
        ]);

        Assert.True(table.TryGetValue("PassStateEntered"u8, out var pass));
        Assert.Equal(HistoryEventType.PassStateEntered, pass);
        Assert.True(table.TryGetValue("TaskStateEntered", out var task));
        Assert.Equal(HistoryEventType.TaskStateEntered, task);
        Assert.False(table.TryGetValue("TaskStateEnteree"u8, out _));
        Assert.False(table.TryGetValue("MapStateStarted2"u8, out _));
        Assert.False(table.TryGetValue("A very long name beyond every bucket"u8, out _));
        Assert.False(table.TryGetValue(""u8, out _));
    }

    [Fact]
    public void StringCache_RepeatedText_ReturnsTheSameInstanceAcrossGrowth()
    {
        var cache = new Utf8StringCache();
        var first = cache.Get("arn:aws:lambda:us-east-1:123456789012:function:Charge"u8);

        // Enough distinct texts to grow the table several times.
        var texts = Enumerable.Range(0, 2000).Select(i => "State " + i).ToArray();
        var read = texts.Select(t => cache.Get(Encoding.UTF8.GetBytes(t))).ToArray();

        Assert.Same(first, cache.Get("arn:aws:lambda:us-east-1:123456789012:function:Charge"u8));
        Assert.Equal(texts, read);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Same(read[i], cache.Get(Encoding.UTF8.GetBytes(texts[i])));
        }
    }

    [Fact]
    public void StringCache_NonAsciiAndLongText_DecodesAsUtf8()
    {
        var cache = new Utf8StringCache();
        var accented = cache.Get(Encoding.UTF8.GetBytes("Étape “Charge”"));
        var longText = new string('x', Utf8StringCache.MaxLength + 1);

        Assert.Equal("Étape “Charge”", accented);
        Assert.Equal(longText, cache.Get(Encoding.UTF8.GetBytes(longText)));
    }
}
