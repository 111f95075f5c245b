using System.Text;
using System.Text.Json;
using SfnResume.Core.History;

namespace SfnResume.Core.Tests.History;

public sealed class JsonScanningTests
{
    [Fact]
    public void FindEnd_RandomEscapeRuns_AgreesWithAByteByByteScan()
    {
        // Backslash runs of every length, across 64-byte block edges, from a fixed seed.
        var random = new Random(20240601);
        byte[] alphabet = "\\\\\\\"ab{}:,"u8.ToArray();
        for (var round = 0; round < 5000; round++)
        {
            var length = random.Next(1, 300);
            var data = new byte[length];
            for (var i = 0; i < length; i++)
            {
                data[i] = alphabet[random.Next(alphabet.Length)];
            }

            var start = random.Next(0, Math.Min(70, length));
            var expected = ScalarEnd(data, start, out var expectedEscapes);

            var actual = JsonStringScan.FindEnd(data, start, out var escapes);

            Assert.Equal(expected, actual);
            if (expected >= 0)
            {
                Assert.Equal(expectedEscapes, escapes);
            }
        }
    }

    [Fact]
    public void FindEnd_ControlCharacter_IsReported()
    {
        var data = Encoding.ASCII.GetBytes(new string('a', 100) + "\n\"");

        Assert.Equal(-2 - 100, JsonStringScan.FindEnd(data, 0, out _));
    }

    [Theory]
    [InlineData("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\\\"y\"} [true,false] \"s\" -1.5e3")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"a\":{}, \"b\":[ ], \"c\" : 0}")]
    public void Scanner_ValidJson_GivesTheSameTokensAsUtf8JsonReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = new List<(JsonTokenType, string)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            var structural = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.EndObject
                or JsonTokenType.StartArray or JsonTokenType.EndArray;
            expected.Add((reader.TokenType, structural ? "" : Encoding.UTF8.GetString(reader.ValueSpan)));
        }

        var actual = new List<(JsonTokenType, string)>();
        var scanner = new JsonScanner(bytes);
        while (scanner.Read())
        {
            var value = scanner.TokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number
                or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                ? Encoding.UTF8.GetString(scanner.ValueSpan)
                : "";
            actual.Add((scanner.TokenType, value));
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("{\"a\":1,}", "expected a property name")]
    [InlineData("[1,]", "unexpected character")]
    [InlineData("{\"a\" 1}", "expected ':'")]
    [InlineData("{\"a\":01}", "expected ',' or '}'")]
    [InlineData("{\"a\":1.}", "expected a digit after '.'")]
    [InlineData("{\"a\":tru}", "unexpected character")]
    [InlineData("{\"a\":\"x", "the data ends inside a string")]
    [InlineData("{\"a\":[1", "the data ends inside an object or array")]
    [InlineData("{\"a\":\"x\ty\"}", "control character")]
    public void Scanner_InvalidJson_Throws(string json, string problem)
    {
        var ex = Assert.Throws<HistoryFormatException>(() =>
        {
            var scanner = new JsonScanner(Encoding.UTF8.GetBytes(json));
            while (scanner.Read())
            {
            }
        });

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON at line 1, byte ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-01T14:00:00.123000+02:00", "2024-06-01T12:00:00.1230000+00:00", 120)]
    [InlineData("2024-06-01 14:00:00.123000+02:00", "2024-06-01T12:00:00.1230000+00:00", 120)]
    [InlineData("2024-06-01T14:00:00+02:00", "2024-06-01T12:00:00.0000000+00:00", 120)]
    [InlineData("2024-06-01T14:00:00-05:30", "2024-06-01T19:30:00.0000000+00:00", -330)]
    [InlineData("2024-06-01T14:00:00Z", "2024-06-01T14:00:00.0000000+00:00", 0)]
    [InlineData("2024-06-01T14:00:00.5Z", "2024-06-01T14:00:00.5000000+00:00", 0)]
    [InlineData("2024-06-01T14:00:00.123456789Z", "2024-06-01T14:00:00.1234567+00:00", 0)]
    [InlineData("2024-06-01T14:00:00", "2024-06-01T14:00:00.0000000+00:00", 0)]
    [InlineData("2024-06-01T14:00:00.123+0200", "2024-06-01T12:00:00.1230000+00:00", 120)]
    public void Timestamp_IsoForms_AreInstants(string text, string utc, int offsetMinutes)
    {
        var history = ExecutionHistory.Parse(
            $"{{\"events\":[{{\"timestamp\":\"{text}\",\"type\":\"ExecutionStarted\",\"id\":1,\"previousEventId\":0}}]}}");

        Assert.Equal(utc, history[1].Timestamp.UtcDateTime.ToString("O").Replace("Z", "+00:00", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), history[1].Timestamp.Offset);
    }

    [Theory]
    [InlineData("2024-02-30T14:00:00Z")]
    [InlineData("2024-06-01T25:00:00Z")]
    [InlineData("not a date")]
    [InlineData("")]
    public void Timestamp_Impossible_IsAnError(string text)
    {
        var ex = Assert.Throws<HistoryFormatException>(() => ExecutionHistory.Parse(
            $"{{\"events\":[{{\"timestamp\":\"{text}\",\"type\":\"ExecutionStarted\",\"id\":1,\"previousEventId\":0}}]}}"));

        Assert.Contains("unparseable timestamp", ex.Message, StringComparison.Ordinal);
    }

    private static int ScalarEnd(byte[] data, int start, out bool escapes)
    {
        escapes = false;
        for (var i = start; i < data.Length; i++)
        {
            if (data[i] == '\\')
            {
                escapes = true;
                i++;
            }
            else if (data[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }
}
