using System.Diagnostics;
using System.Text;
using SfnResume.Core.Asl;
using Xunit.Abstractions;

namespace SfnResume.Core.Tests.Asl;

public sealed class AslParserPerformanceTests(ITestOutputHelper output)
{
    /// <summary>A chain of Task states with templates, Retry and Catch: about 1 MB for 2,000 states.</summary>
    internal static string LargeDefinition(int states)
    {
        var builder = new StringBuilder(states * 560);
        builder.Append("{\"Comment\":\"generated\",\"StartAt\":\"State0\",\"States\":{");
        for (var i = 0; i < states; i++)
        {
            var next = i + 1 < states ? $"\"Next\":\"State{i + 1}\"" : "\"End\":true";
            builder.Append(i == 0 ? "" : ",")
                .Append($"\"State{i}\":{{\"Type\":\"Task\",\"Comment\":\"step {i} of the generated chain, padded to a realistic size\",")
                .Append("\"Resource\":\"arn:aws:states:::lambda:invoke\",")
                .Append($"\"Parameters\":{{\"FunctionName\":\"arn:aws:lambda:us-east-1:111111111111:function:step-{i}\",\"Payload\":{{\"index\":{i},\"input.$\":\"$.data\",\"ctx.$\":\"$$.Execution.Id\",\"msg.$\":\"States.Format('step {{}}', $.name)\"}}}},")
                .Append("\"ResultSelector\":{\"value.$\":\"$.Payload\"},\"ResultPath\":\"$.results.last\",")
                .Append("\"Retry\":[{\"ErrorEquals\":[\"Lambda.ServiceException\",\"Lambda.TooManyRequestsException\"],\"IntervalSeconds\":2,\"MaxAttempts\":6,\"BackoffRate\":2}],")
                .Append($"\"Catch\":[{{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"State{states - 1}\"}}],")
                .Append(next).Append('}');
        }

        builder.Append("}}");
        return builder.ToString();
    }

    [Fact]
    public void Parse_OneMegabyteTwoThousandStates_ValidAndLinear()
    {
        var json = LargeDefinition(2000);
        var quadruple = LargeDefinition(8000);
        Assert.InRange(json.Length, 1_000_000, 1_400_000);
        AslParser.Parse(json); // warm-up (JIT)

        var small = Median(() => AslParser.Parse(json));
        var large = Median(() => AslParser.Parse(quadruple));
        var result = AslParser.Parse(json);

        output.WriteLine($"{json.Length:N0} chars, 2,000 states: median {small.TotalMilliseconds:F1} ms; 8,000 states: {large.TotalMilliseconds:F1} ms");
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics.Take(5)));
        Assert.Equal(2000, result.Definition!.AllStates.Length);
        // Wall-clock bounds are loose because the build machine is shared; the figure above is what to read.
        // A quadratic step would make four times the states cost about sixteen times as much.
        Assert.True(small < TimeSpan.FromSeconds(2), $"parse took {small.TotalMilliseconds} ms");
        Assert.True(large.Ticks < small.Ticks * 10, $"4x the states took {large.TotalMilliseconds / small.TotalMilliseconds:F1}x the time");
    }

    private static TimeSpan Median(Action action)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
