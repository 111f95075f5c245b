using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceNormaliserCorpusTests
{
    [Fact]
    public void Normalise_AlreadyNormalisedRecording_ChangesNothing()
    {
        var failures = new List<string>();
        foreach (var c in CorpusCases.All)
        {
            var normaliser = new ConformanceNormaliser(c);
            var replayed = normaliser.Normalise(AsEngineResult(c));
            var mismatch = ConformanceComparer.Compare(c, replayed, new ComparisonOptions { HonourSkipVerifyPaths = false });
            if (mismatch is not null)
            {
                failures.Add($"{c.Id}: {mismatch}");
                continue;
            }

            // Outside Parallel blocks the order is kept too, so the events must be identical.
            if (c.ExpectedEvents is { } events && !c.ParallelEventsNormalised
                && !JsonNode.DeepEquals(JsonNode.Parse(events.GetRawText()), replayed.Events))
            {
                failures.Add($"{c.Id}: events not identical after normalising again");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cases changed:\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>The recorded data given back as an engine would: fields as AWS strings, events as recorded.</summary>
    internal static ConformanceExecution AsEngineResult(ConformanceCase c) =>
        new(
            c.ExpectedStatus,
            c.ExpectedOutput is { } output ? AwsString(output) : null,
            c.ExpectedError,
            c.ExpectedCause is { } cause ? AwsString(cause) : null,
            c.ExpectedEvents is { } events ? JsonNode.Parse(events.GetRawText())!.AsArray() : null);

    private static string? AwsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
