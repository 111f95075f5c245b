using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SfnResume.Engine.Conformance;

/// <summary>Per-case results of a run, with per-category and total counts, a text summary and a JSON report.</summary>
public sealed class ConformanceRunReport(IReadOnlyList<ConformanceCaseResult> results)
{
    /// <summary>The corpus categories in the order the corpus README lists them; others follow alphabetically.</summary>
    private static readonly string[] s_categoryOrder =
        ["pass", "choice", "wait", "parallel", "map", "intrinsic-functions", "jsonata", "variables", "errors-and-retries", "lambda"];

    public IReadOnlyList<ConformanceCaseResult> Results { get; } = results;

    public ConformanceCounts Total => ConformanceCounts.Of(Results);

    /// <summary>Counts per category; a case in several categories counts in each.</summary>
    public IReadOnlyList<KeyValuePair<string, ConformanceCounts>> ByCategory =>
    [
        .. Results.SelectMany(r => r.Categories.Select(c => (Category: c, Result: r)))
            .GroupBy(x => x.Category, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(s_categoryOrder, g.Key) is var i && i >= 0 ? i : s_categoryOrder.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, ConformanceCounts.Of(g.Select(x => x.Result)))),
    ];

    /// <summary>Failure groups, largest first, with one example case each.</summary>
    public IReadOnlyList<ConformanceFailureGroup> FailureGroups =>
    [
        .. Results.Where(r => r.FailureGroup is not null)
            .GroupBy(r => r.FailureGroup!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ConformanceFailureGroup(g.Key, g.Count(), g.First().CaseId, g.First().Reason ?? "")),
    ];

    /// <summary>Lines <c>category: N passed, N failed, N skipped</c>, then <c>total: ...</c>.</summary>
    public IReadOnlyList<string> SummaryLines =>
    [
        .. ByCategory.Select(p => $"{p.Key}: {p.Value}"),
        $"total: {Total}",
    ];

    public string FormatSummary() => string.Join('\n', SummaryLines) + "\n";

    /// <summary>The failure groups as lines <c>N × group (e.g. case-id)</c>, largest first.</summary>
    public string FormatFailureGroups(int top)
    {
        var text = new StringBuilder();
        foreach (var group in FailureGroups.Take(top))
        {
            text.Append(CultureInfo.InvariantCulture, $"{group.Count,4} x {group.Key}  (e.g. {group.ExampleCaseId})\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the JSON report: counts, failure groups and every failed or skipped case with its mismatch.</summary>
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WritePropertyName("total");
        WriteCounts(json, Total);
        json.WriteStartObject("categories");
        foreach (var (category, counts) in ByCategory)
        {
            json.WritePropertyName(category);
            WriteCounts(json, counts);
        }

        json.WriteEndObject();
        json.WriteStartArray("failureGroups");
        foreach (var group in FailureGroups)
        {
            json.WriteStartObject();
            json.WriteString("group", group.Key);
            json.WriteNumber("count", group.Count);
            json.WriteString("example", group.ExampleCaseId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cases");
        foreach (var result in Results.Where(r => r.Outcome != ConformanceOutcome.Passed))
        {
            json.WriteStartObject();
            json.WriteString("id", result.CaseId);
            json.WriteString("file", result.SourceFile);
            json.WriteString("outcome", result.Outcome.ToString().ToLowerInvariant());
            json.WriteStartArray("categories");
            foreach (var category in result.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
            json.WriteString("reason", result.Reason);
            if (result.Mismatch is { } mismatch)
            {
                json.WriteStartObject("mismatch");
                json.WriteString("aspect", mismatch.Aspect);
                json.WriteString("path", mismatch.Path);
                json.WriteString("expected", mismatch.Expected);
                json.WriteString("actual", mismatch.Actual);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void WriteJson(string path)
    {
        using var file = File.Create(path);
        WriteJson(file);
    }

    private static void WriteCounts(Utf8JsonWriter json, ConformanceCounts counts)
    {
        json.WriteStartObject();
        json.WriteNumber("passed", counts.Passed);
        json.WriteNumber("failed", counts.Failed);
        json.WriteNumber("skipped", counts.Skipped);
        json.WriteEndObject();
    }
}

public sealed record ConformanceCounts(int Passed, int Failed, int Skipped)
{
    public static ConformanceCounts Of(IEnumerable<ConformanceCaseResult> results)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var r in results)
        {
            switch (r.Outcome)
            {
                case ConformanceOutcome.Passed: passed++; break;
                case ConformanceOutcome.Failed: failed++; break;
                default: skipped++; break;
            }
        }

        return new ConformanceCounts(passed, failed, skipped);
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}

/// <summary>Failures that share a likely cause.</summary>
public sealed record ConformanceFailureGroup(string Key, int Count, string ExampleCaseId, string ExampleReason);
