using System.Text.Json.Nodes;
using SfnResume.Engine.Compilation;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Tests.Runtime;

public sealed class RuntimePrimitivesTests
{
    [Theory]
    [InlineData(1, 2.0, null, 0, 1000)]
    [InlineData(1, 2.0, null, 3, 8000)]
    [InlineData(3.0, 2.0, 5.0, 1, 5000)]
    [InlineData(0.5, 1.5, null, 2, 1125)]
    [InlineData(0, 2.0, null, 4, 0)]
    public void Compute_NoJitter_IsIntervalTimesBackoffPowerCapped(double interval, double backoff, double? maxDelay, int retries, int expectedMs)
    {
        var pause = RetryBackoff.Compute((decimal)interval, (decimal)backoff, (decimal?)maxDelay, fullJitter: false, retries, random: 0.99);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), pause);
    }

    [Fact]
    public void Compute_FullJitter_ScalesTheCappedDelayByTheRandomValue()
    {
        var pause = RetryBackoff.Compute(3, 2, 5, fullJitter: true, retriesSoFar: 2, random: 0.25);

        Assert.Equal(TimeSpan.FromMilliseconds(1250), pause);
    }

    [Theory]
    [InlineData("2016-03-14T01:59:00Z", true)]
    [InlineData("2016-03-14T01:59:00.123456Z", true)]
    [InlineData("2016-03-14T01:59:00+02:00", true)]
    [InlineData("2016-03-14t01:59:00Z", false)]
    [InlineData("2016-03-14T01:59:00z", false)]
    [InlineData("2016-03-14 01:59:00Z", false)]
    [InlineData("2016-03-14T01:59:00", false)]
    [InlineData("2016-13-05T21:29:29Z", false)]
    [InlineData("2016-12-05T25:29:29Z", false)]
    [InlineData("2016-02-30T00:00:00Z", false)]
    public void TryParse_Rfc3339_AcceptsOnlyUppercaseTAndZoneDesignator(string text, bool valid)
    {
        Assert.Equal(valid, AslTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Offset_ComparesAsTheSameInstant()
    {
        Assert.True(AslTimestamp.TryParse("2016-03-14T03:59:00+02:00", out var withOffset));
        Assert.True(AslTimestamp.TryParse("2016-03-14T01:59:00Z", out var utc));
        Assert.Equal(utc, withOffset);
    }

    [Fact]
    public void FormatContext_WritesUtcWithMilliseconds()
    {
        var at = new DateTimeOffset(2019, 3, 26, 22, 14, 13, 192, TimeSpan.FromHours(2));

        Assert.Equal("2019-03-26T20:14:13.192Z", AslTimestamp.FormatContext(at));
    }

    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", true)]
    [InlineData("log-*.txt", "log-.txt", true)]
    [InlineData("log-*.txt", "log-2024.csv", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*.*", "abc", false)]
    [InlineData(@"star\*", "star*", true)]
    [InlineData(@"star\*", "starry", false)]
    [InlineData(@"back\\slash*", @"back\slash!", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    public void IsMatch_StarAndEscapes_FollowStringMatches(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, StringMatchPattern.Compile(pattern).IsMatch(value));
    }

    [Fact]
    public void ExceedsPayloadLimit_CountsUtf8Bytes()
    {
        var ascii = new string('a', DataLimits.MaxPayloadBytes);
        var multiByte = new string('é', (DataLimits.MaxPayloadBytes / 2) + 1);

        Assert.False(DataLimits.ExceedsPayloadLimit(ascii, DataLimits.MaxPayloadBytes));
        Assert.True(DataLimits.ExceedsPayloadLimit(ascii + "a", DataLimits.MaxPayloadBytes));
        Assert.True(DataLimits.ExceedsPayloadLimit(multiByte, DataLimits.MaxPayloadBytes));
        Assert.False(DataLimits.ExceedsPayloadLimit(multiByte, null));
    }

    [Fact]
    public void CompareNumbers_IntegerAndFloat_AreEqual()
    {
        Assert.Equal(0, ChoiceValues.CompareNumbers(JsonNode.Parse("3"), JsonNode.Parse("3.0")));
        Assert.Equal(0, ChoiceValues.CompareNumbers(JsonValue.Create(3), JsonNode.Parse("3.0")));
        Assert.Equal(-1, ChoiceValues.CompareNumbers(JsonNode.Parse("2.5"), JsonValue.Create(3L)));
    }

    [Fact]
    public void Compare_WrongTypes_AreNotComparable()
    {
        Assert.Equal(ChoiceValues.NotComparable, ChoiceValues.CompareNumbers(JsonValue.Create("3"), JsonValue.Create(3)));
        Assert.Equal(ChoiceValues.NotComparable, ChoiceValues.CompareStrings(JsonValue.Create(1), JsonValue.Create("1")));
        Assert.Equal(ChoiceValues.NotComparable, ChoiceValues.CompareTimestamps(JsonValue.Create("yesterday"), JsonValue.Create("2016-03-14T01:59:00Z")));
    }

    [Fact]
    public void CompareStrings_UsesUtf16CodeUnits()
    {
        // U+FF21 (fullwidth A) sorts after U+D83D (a surrogate) by code unit, the order Java's compareTo gives.
        Assert.Equal(1, ChoiceValues.CompareStrings(JsonValue.Create("\uFF21"), JsonValue.Create("\uD83D\uDE00")));
        Assert.Equal(-1, ChoiceValues.CompareStrings(JsonValue.Create("B"), JsonValue.Create("a")));
    }

    [Fact]
    public void Write_CompactJson_KeepsNonAsciiAndEscapesOnlyWhatJsonRequires()
    {
        var node = JsonNode.Parse("""{ "a": "é<>&'\"\\\n\u0001", "n": 1.50, "b": [true, null] }""");
        node!["c"] = 7;

        Assert.Equal("{\"a\":\"é<>&'\\\"\\\\\\n\\u0001\",\"n\":1.50,\"b\":[true,null],\"c\":7}", CompactJson.Write(node));
    }

    [Fact]
    public void VariableScope_InnerScope_ReadsOuterAndDoesNotLeak()
    {
        var outer = new VariableScope(null);
        outer.Set("x", 1);
        var inner = new VariableScope(outer);
        inner.Set("y", 2);

        Assert.True(inner.TryGetVariable("x", out var x));
        Assert.Equal(1, x!.GetValue<int>());
        Assert.False(outer.TryGetVariable("y", out _));
    }
}
