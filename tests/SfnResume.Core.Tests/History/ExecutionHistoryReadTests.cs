using System.Text;
using System.Text.Json;
using SfnResume.Core.History;
using static SfnResume.Core.Tests.History.HistoryTestData;

namespace SfnResume.Core.Tests.History;

public sealed class ExecutionHistoryReadTests
{
    private static readonly DateTimeOffset s_firstEvent = DateTimeOffset.FromUnixTimeMilliseconds(1717236000123);

    [Fact]
    public void Parse_SeedSample_ReadsEveryEventAndWritesItBack()
    {
        var history = Read("seed-sample.history.json");

        Assert.Equal(28, history.Count);
        Assert.Equal(Enumerable.Range(1, 28).Select(i => (long)i), history.Events.Select(e => e.Id));
        Assert.Equal(HistoryEventType.ExecutionStarted, history[1].Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1503725123924), history[1].Timestamp);
        Assert.Equal("{\n    \"Message\": \"Your message here\"\n}", history[1].ExecutionStartedEventDetails!.Input);
        Assert.Equal("Parallel Step 1, Process 1", history[4].StateEnteredEventDetails!.Name);
        Assert.Equal(HistoryEventType.ExecutionFailed, history[28].Type);
        AssertSameJson(File.ReadAllText(PathOf("seed-sample.history.json")), history.ToJson());
    }

    [Theory]
    [InlineData("gen-100-iso.history.json", 100)]
    [InlineData("gen-100-epoch.history.json", 100)]
    [InlineData("gen-1000-iso.history.json", 1000)]
    [InlineData("gen-1000-epoch.history.json", 1000)]
    public void Parse_GeneratedHistory_RoundTripsExactly(string name, int count)
    {
        var bytes = Bytes(name);
        var history = ExecutionHistory.Parse(bytes);

        Assert.Equal(count, history.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, 607, TimeSpan.Zero), history[1].Timestamp);
        Assert.True(history.Events.Zip(history.Events.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp));
        Assert.Equal(HistoryEventType.ExecutionFailed, history[count].Type);
        Assert.Equal("PaymentDeclinedError", history[count].Error);
        Assert.Equal(Encoding.UTF8.GetString(bytes), history.ToJson());
    }

    [Fact]
    public void Parse_WireShapeWithJavaDoubleTimestamps_ReadsMillisecondInstants()
    {
        var history = Read("task-retries-wire.history.json");

        Assert.Equal(11, history.Count);
        Assert.Equal(s_firstEvent, history[1].Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1717236003490), history[10].Timestamp);
        var scheduled = history[5].TaskScheduledEventDetails!;
        Assert.Equal(("lambda", "invoke", "eu-west-1", 30L), (scheduled.ResourceType, scheduled.Resource, scheduled.Region, scheduled.TimeoutInSeconds));
        Assert.StartsWith("{\"FunctionName\":\"arn:aws:lambda:eu-west-1", scheduled.Parameters, StringComparison.Ordinal);
        AssertSameJson(File.ReadAllText(PathOf("task-retries-wire.history.json")), history.ToJson());
    }

    [Theory]
    [InlineData("cli-v2-iso.history.json")]
    [InlineData("boto3-str.history.json")]
    [InlineData("iso-z.history.json")]
    public void Parse_StringTimestamps_ReadsInstantsAndKeepsTheText(string name)
    {
        var text = File.ReadAllText(PathOf(name));
        var history = ExecutionHistory.Parse(text);

        Assert.Equal(11, history.Count);
        Assert.Equal(s_firstEvent.ToUnixTimeSeconds(), history[1].Timestamp.ToUnixTimeSeconds());
        Assert.Equal(1717236002915, history[8].Timestamp.ToUnixTimeMilliseconds());
        var expectedMs = name == "iso-z.history.json" ? 1717236000000 : 1717236000912; // odd ids: no fraction there
        Assert.Equal(expectedMs, history[7].Timestamp.ToUnixTimeMilliseconds());
        using var input = JsonDocument.Parse(text);
        AssertSameJson(EventsDocument(input.RootElement.GetProperty("events").EnumerateArray()), history.ToJson());
    }

    [Fact]
    public void Parse_Boto3Form_KeepsOffsetOfTheWrittenTime()
    {
        var history = Read("boto3-str.history.json");

        Assert.Equal(TimeSpan.FromHours(2), history[1].Timestamp.Offset);
        Assert.Equal(s_firstEvent, history[1].Timestamp);
    }

    [Fact]
    public void Parse_ReverseOrder_SortsById()
    {
        var text = File.ReadAllText(PathOf("reverse-order.history.json"));
        var history = ExecutionHistory.Parse(text);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), history.Events.Select(e => e.Id));
        using var input = JsonDocument.Parse(text);
        AssertSameJson(EventsDocument(input.RootElement.GetProperty("events").EnumerateArray().Reverse()), history.ToJson());
    }

    [Fact]
    public void Parse_BareArray_ReadsEvents()
    {
        var text = File.ReadAllText(PathOf("bare-array.history.json"));
        var history = ExecutionHistory.Parse(text);

        Assert.Equal(11, history.Count);
        using var input = JsonDocument.Parse(text);
        AssertSameJson(EventsDocument(input.RootElement.EnumerateArray()), history.ToJson());
    }

    [Fact]
    public void Parse_PagesBackToBack_JoinsThemAndDropsTheOverlap()
    {
        var history = Read("pages-concatenated.history.json");

        Assert.Equal(11, history.Count);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), history.Events.Select(e => e.Id));
        using var bare = JsonDocument.Parse(File.ReadAllText(PathOf("bare-array.history.json")));
        AssertSameJson(EventsDocument(bare.RootElement.EnumerateArray()), history.ToJson());
    }

    [Fact]
    public void Parse_ArrayOfPages_JoinsThem()
    {
        var history = Read("pages-array.history.json");

        Assert.Equal(11, history.Count);
        using var bare = JsonDocument.Parse(File.ReadAllText(PathOf("bare-array.history.json")));
        AssertSameJson(EventsDocument(bare.RootElement.EnumerateArray()), history.ToJson());
    }

    [Fact]
    public void Parse_CloudWatchRecords_ConvertsToGetExecutionHistoryShape()
    {
        var history = Read("cloudwatch-records.jsonl");

        Assert.Equal(11, history.Count);
        Assert.Equal(s_firstEvent, history[1].Timestamp);
        Assert.Equal(4, history[5].PreviousEventId);
        Assert.Equal("ChargeCard", history[4].StateEnteredEventDetails!.Name);
        Assert.Equal("PaymentDeclined", history[10].TaskFailedEventDetails!.Error);
        Assert.IsType<TaskStartedEventDetails>(history[6].Details);
        AssertGolden(history.ToJson(indented: true), "cloudwatch-records.expected.json");

        // Written back as the wire writes it: epoch seconds, type, id, previousEventId, then the details member.
        using var written = JsonDocument.Parse(history.ToJson());
        var first = written.RootElement.GetProperty("events")[0];
        Assert.Equal(["timestamp", "type", "id", "previousEventId", "executionStartedEventDetails"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1717236000.123", first.GetProperty("timestamp").GetRawText());
        using var wire = JsonDocument.Parse(File.ReadAllText(PathOf("task-retries-wire.history.json")));
        Assert.Equal(
            wire.RootElement.GetProperty("events")[9].GetProperty("taskFailedEventDetails").GetRawText(),
            written.RootElement.GetProperty("events")[9].GetProperty("taskFailedEventDetails").GetRawText());
    }

    [Fact]
    public void Parse_CloudWatchGetLogEventsOutput_ReadsTheRecordsInTheMessages()
    {
        var fromMessages = Read("cloudwatch-get-log-events.json");
        var fromLines = Read("cloudwatch-records.jsonl");

        Assert.Equal(11, fromMessages.Count);
        Assert.Equal(fromLines.Events, fromMessages.Events);
        Assert.Equal(fromLines.ToJson(), fromMessages.ToJson());
    }

    [Fact]
    public void Parse_CloudWatchRecordsOfTwoExecutions_IsAnError()
    {
        var lines = File.ReadAllLines(PathOf("cloudwatch-records.jsonl"));
        var other = lines[0].Replace(":run-9:", ":run-10:", StringComparison.Ordinal).Replace("\"id\":\"1\"", "\"id\":\"12\"", StringComparison.Ordinal);

        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(string.Join("\n", [.. lines, other])));

        Assert.StartsWith("the records belong to 2 executions (arn:aws:states:us-east-1:123456789012:express:orders:run-10:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EpochMillisecondStringAndSecondsString_AreInstants()
    {
        var history = ExecutionHistory.Parse(
            """
            {"events":[
              {"timestamp":"1717236000123","type":"ExecutionStarted","id":1,"previousEventId":0},
              {"timestamp":"1717236000.5","type":"PassStateEntered","id":2,"previousEventId":0,"stateEnteredEventDetails":{"name":"P"}},
              {"timestamp":1.686509515191E9,"type":"PassStateExited","id":3,"previousEventId":2,"stateExitedEventDetails":{"name":"P"}},
              {"timestamp":"2024-06-01T14:00:00+02:00","type":"ExecutionSucceeded","id":4,"previousEventId":3}
            ]}
            """);

        Assert.Equal(1717236000123, history[1].Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal(1717236000500, history[2].Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal(1686509515191, history[3].Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero), history[4].Timestamp);
    }

    [Fact]
    public void Parse_UnknownEventType_IsKeptWithItsJson()
    {
        const string unknown = """{"timestamp":1717236000.2,"type":"FutureThingHappened","id":2,"previousEventId":1,"futureThingHappenedEventDetails":{"x":1}}""";
        var history = ExecutionHistory.Parse(
            "{\"events\":[{\"timestamp\":1717236000.1,\"type\":\"ExecutionStarted\",\"id\":1,\"previousEventId\":0}," + unknown + "]}");

        Assert.Equal(HistoryEventType.Unknown, history[2].Type);
        Assert.Equal("FutureThingHappened", history[2].TypeName);
        Assert.Contains(unknown, history.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsLikeParse()
    {
        await using var stream = File.OpenRead(PathOf("seed-sample.history.json"));

        var history = await ExecutionHistory.ReadAsync(stream);

        Assert.Equal(28, history.Count);
    }

    [Fact]
    public void ToJson_ChangedEvent_IsWrittenFromTheModel()
    {
        var history = Read("task-retries-wire.history.json");
        var changed = history.Events.Select(e => e.Id == 2
            ? e with { StateEnteredEventDetails = e.StateEnteredEventDetails! with { Input = "{\"fixed\":true}" } }
            : e);

        var json = ExecutionHistory.FromEvents(changed).ToJson();

        using var doc = JsonDocument.Parse(json);
        var second = doc.RootElement.GetProperty("events")[1];
        Assert.Equal("{\"fixed\":true}", second.GetProperty("stateEnteredEventDetails").GetProperty("input").GetString());
        Assert.Equal("1717236000.161", second.GetProperty("timestamp").GetRawText());
        Assert.Equal("1.717236000178E9", doc.RootElement.GetProperty("events")[2].GetProperty("timestamp").GetRawText());
    }
}
