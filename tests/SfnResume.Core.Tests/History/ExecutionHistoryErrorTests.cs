using SfnResume.Core.History;

namespace SfnResume.Core.Tests.History;

public sealed class ExecutionHistoryErrorTests
{
    private const string Started = """{"timestamp":1717236000.1,"type":"ExecutionStarted","id":1,"previousEventId":0}""";

    [Fact]
    public void Parse_TruncatedJson_NamesTheLine()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse("{\"events\":[\n" + Started + ",\n{\"timestamp\":1717236000.2,\"ty"));

        Assert.StartsWith("invalid JSON at line 3", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_InvalidJson_NamesLineAndByte()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse("{\"events\":[\n  " + Started + " x]}"));

        Assert.Matches(@"^invalid JSON at line 2, byte \d+ of the line", ex.Message);
    }

    [Fact]
    public void Parse_EventWithoutType_NamesTheEventPath()
    {
        var events = string.Join(",", Enumerable.Range(1, 12).Select(i =>
            $"{{\"timestamp\":1717236000.1,\"type\":\"PassStateEntered\",\"id\":{i},\"previousEventId\":0,\"stateEnteredEventDetails\":{{\"name\":\"P\"}}}}"));
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            $"{{\"events\":[{events},{{\"timestamp\":1717236000.1,\"id\":13,\"previousEventId\":12}}]}}"));

        Assert.Equal("$.events[12].type", ex.Location);
        Assert.StartsWith("$.events[12].type: missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EventWithoutId_NamesTheEventPath()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            "{\"events\":[" + Started + ",{\"timestamp\":1,\"type\":\"ExecutionSucceeded\"}]}"));

        Assert.StartsWith("$.events[1].id: missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnparseableTimestamp_ShowsTheValue()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            """{"events":[{"timestamp":"yesterday","type":"ExecutionStarted","id":1,"previousEventId":0}]}"""));

        Assert.StartsWith("$.events[0].timestamp: unparseable timestamp 'yesterday'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongMemberType_NamesTheMember()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            """{"events":[{"timestamp":1,"type":"MapStateStarted","id":1,"previousEventId":0,"mapStateStartedEventDetails":{"length":"many"}}]}"""));

        Assert.StartsWith("$.events[0].mapStateStartedEventDetails.length: not an integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingIds_ListsThem()
    {
        var events = string.Join(",", new[] { 1, 2, 5, 6, 9 }.Select(i =>
            $"{{\"timestamp\":1717236000.1,\"type\":\"PassStateEntered\",\"id\":{i},\"previousEventId\":0,\"stateEnteredEventDetails\":{{\"name\":\"P\"}}}}"));

        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse($"{{\"events\":[{events}]}}"));

        Assert.Equal("event ids must run 1..9 without gaps; 4 missing: 3-4, 7-8", ex.Message);
    }

    [Fact]
    public void Parse_SameIdWithDifferentContent_NamesBothPlaces()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            "{\"events\":[" + Started + "]}\n{\"events\":[" + Started.Replace("1717236000.1", "1717236000.9", StringComparison.Ordinal) + "]}"));

        Assert.Equal("event id 1 appears twice with different content ($.events[0] and $[1].events[0])", ex.Message);
    }

    [Fact]
    public void Parse_SameEventLaidOutDifferently_IsOneEvent()
    {
        var history = ExecutionHistory.Parse(
            "{\"events\":[" + Started + "]}\n{\"events\": [ " + Started.Replace(",", ", ", StringComparison.Ordinal) + " ]}");

        Assert.Equal(1, history.Count);
    }

    [Fact]
    public void Parse_NotAHistory_SaysWhatWasExpected()
    {
        Assert.StartsWith("$: expected an object or an array", Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse("42")).Message, StringComparison.Ordinal);
        Assert.StartsWith("empty input", Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse("  ")).Message, StringComparison.Ordinal);
        Assert.StartsWith("$.events: missing", Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse("{\"nextToken\":\"x\"}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CloudWatchRecordWithBadId_NamesTheRecord()
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            "{\"id\":\"1\",\"type\":\"ExecutionStarted\",\"details\":{},\"previous_event_id\":\"0\",\"event_timestamp\":\"1717236000123\"}\n" +
            "{\"id\":\"two\",\"type\":\"PassStateEntered\",\"details\":{\"name\":\"P\"},\"previous_event_id\":\"1\",\"event_timestamp\":\"1717236000124\"}\n"));

        Assert.StartsWith("record 2 $.id: not an integer", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 2)", ex.Message, StringComparison.Ordinal);
    }
}
