using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Compares a recorded case with an engine's normalised execution: status, then (when recorded) the event
/// list, then output, error and cause. Placeholders are matched consistently, object key order is ignored,
/// Parallel blocks of cases recorded with <c>parallel_events_normalised</c> are compared as multisets, and the
/// case's <c>localstack_skip_verify_paths</c> are left out when <see cref="ComparisonOptions.HonourSkipVerifyPaths"/> is set.
/// </summary>
public static class ConformanceComparer
{
    private const string AllPaths = "<all>";

    /// <summary>The first mismatch, or null when the execution conforms.</summary>
    public static ConformanceMismatch? Compare(ConformanceCase expected, NormalisedExecution actual, ComparisonOptions? options = null)
    {
        options ??= ComparisonOptions.Default;
        var skips = options.HonourSkipVerifyPaths
            ? expected.SkipVerifyPaths.Select(p => SnapshotJsonPath.TryParse(p, out var path) ? path : null).OfType<SnapshotJsonPath>().ToList()
            : [];
        bool skipEvents = options.HonourSkipVerifyPaths && expected.SkipVerifyPaths.Contains(AllPaths);
        var comparison = new Comparison(new PlaceholderBindings(), skips);

        if (!string.Equals(expected.ExpectedStatus, actual.Status, StringComparison.Ordinal))
        {
            string detail = actual.Error is null ? actual.Status : $"{actual.Status} ({actual.Error}: {SnapshotJson.ToText(actual.Cause)})";
            return new ConformanceMismatch("status", "$.status", expected.ExpectedStatus, ConformanceMismatch.Shorten(detail));
        }

        int lastEvent = 0;
        if (expected.ExpectedEvents is { } recordedEvents)
        {
            var expectedEvents = JsonNode.Parse(recordedEvents.GetRawText())!.AsArray();
            lastEvent = Math.Max(0, expectedEvents.Count - 1);
            if (!skipEvents)
            {
                if (actual.Events is null)
                {
                    return new ConformanceMismatch("events", "$.events", $"{expectedEvents.Count} events", "no history");
                }

                var mismatch = comparison.Events(expectedEvents, actual.Events, expected.ParallelEventsNormalised);
                if (mismatch is not null)
                {
                    return mismatch;
                }
            }
        }

        List<PathSegment> ResultPath(string details, string field) =>
            [PathSegment.Property("events"), PathSegment.Element(lastEvent), PathSegment.Property(details), PathSegment.Property(field)];

        if (expected.ExpectedOutput is { } output)
        {
            var path = ResultPath("executionSucceededEventDetails", "output");
            if (!actual.HasOutput)
            {
                return new ConformanceMismatch("output", PathSegment.Format(path), Text(ToNode(output)), "no output");
            }

            var mismatch = comparison.Values("output", ToNode(output), actual.Output, path);
            if (mismatch is not null)
            {
                return mismatch;
            }
        }

        if (expected.ExpectedStatus is "FAILED" or "TIMED_OUT" or "ABORTED" || expected.ExpectedError is not null)
        {
            var errorPath = ResultPath("executionFailedEventDetails", "error");
            var mismatch = comparison.Values(
                "error",
                expected.ExpectedError is null ? null : JsonValue.Create(expected.ExpectedError),
                actual.Error is null ? null : JsonValue.Create(actual.Error),
                errorPath);
            if (mismatch is not null)
            {
                return mismatch;
            }

            var causePath = ResultPath("executionFailedEventDetails", "cause");
            mismatch = comparison.Values("cause", expected.ExpectedCause is { } cause ? ToNode(cause) : null, actual.Cause, causePath);
            if (mismatch is not null)
            {
                return mismatch;
            }
        }

        return null;
    }

    private static JsonNode? ToNode(JsonElement element) => JsonNode.Parse(element.GetRawText());

    private static string Text(JsonNode? node) => ConformanceMismatch.Shorten(SnapshotJson.ToText(node));

    private sealed class Comparison(PlaceholderBindings bindings, List<SnapshotJsonPath> skips)
    {
        private PlaceholderBindings _bindings = bindings;

        public ConformanceMismatch? Events(JsonArray expected, JsonArray actual, bool parallelBlocks)
        {
            List<PathSegment> root = [PathSegment.Property("events")];
            if (Skipped(root))
            {
                return null;
            }

            int e = 0;
            int a = 0;
            while (e < expected.Count && a < actual.Count)
            {
                if (parallelBlocks && IsBlockEvent(expected[e]))
                {
                    int expectedEnd = BlockEnd(expected, e);
                    int actualEnd = BlockEnd(actual, a);
                    var mismatch = Block(expected, e, expectedEnd, actual, a, actualEnd);
                    if (mismatch is not null)
                    {
                        return mismatch;
                    }

                    e = expectedEnd;
                    a = actualEnd;
                    continue;
                }

                List<PathSegment> path = [.. root, PathSegment.Element(e)];
                var difference = Values("events", expected[e], actual[a], path);
                if (difference is not null)
                {
                    return difference;
                }

                e++;
                a++;
            }

            if (e < expected.Count || a < actual.Count)
            {
                int index = Math.Min(e, expected.Count);
                return new ConformanceMismatch(
                    "events",
                    PathSegment.Format([.. root, PathSegment.Element(index)]),
                    e < expected.Count ? $"{Describe(expected[e])} ({expected.Count} events)" : $"end of history ({expected.Count} events)",
                    a < actual.Count ? $"{Describe(actual[a])} ({actual.Count} events)" : $"end of history ({actual.Count} events)");
            }

            return null;
        }

        public ConformanceMismatch? Values(string aspect, JsonNode? expected, JsonNode? actual, List<PathSegment> path)
        {
            if (Skipped(path))
            {
                return null;
            }

            switch (expected)
            {
                case null:
                    return actual is null ? null : Mismatch(aspect, path, "(absent)", Text(actual));
                case JsonObject expectedObject when actual is JsonObject actualObject:
                    // An event of another type differs in every field: say so rather than name the first field.
                    if (expectedObject["type"] is JsonValue expectedType && actualObject["type"] is JsonValue actualType
                        && !JsonNode.DeepEquals(expectedType, actualType))
                    {
                        path.Add(PathSegment.Property("type"));
                        var typeMismatch = Skipped(path) ? null : Mismatch(aspect, path, Text(expectedType), Text(actualType));
                        path.RemoveAt(path.Count - 1);
                        if (typeMismatch is not null)
                        {
                            return typeMismatch;
                        }
                    }

                    foreach (var (name, value) in expectedObject)
                    {
                        path.Add(PathSegment.Property(name));
                        ConformanceMismatch? mismatch = null;
                        if (!Skipped(path))
                        {
                            mismatch = actualObject.TryGetPropertyValue(name, out var actualValue)
                                ? Values(aspect, value, actualValue, path)
                                : Mismatch(aspect, path, Text(value), "(missing)");
                        }

                        path.RemoveAt(path.Count - 1);
                        if (mismatch is not null)
                        {
                            return mismatch;
                        }
                    }

                    foreach (var (name, value) in actualObject)
                    {
                        if (!expectedObject.ContainsKey(name))
                        {
                            path.Add(PathSegment.Property(name));
                            var mismatch = Skipped(path) ? null : Mismatch(aspect, path, "(absent)", Text(value));
                            path.RemoveAt(path.Count - 1);
                            if (mismatch is not null)
                            {
                                return mismatch;
                            }
                        }
                    }

                    return null;
                case JsonArray expectedArray when actual is JsonArray actualArray:
                    for (int i = 0; i < Math.Max(expectedArray.Count, actualArray.Count); i++)
                    {
                        path.Add(PathSegment.Element(i));
                        ConformanceMismatch? mismatch = null;
                        if (!Skipped(path))
                        {
                            mismatch = i >= actualArray.Count ? Mismatch(aspect, path, Text(expectedArray[i]), "(missing)")
                                : i >= expectedArray.Count ? Mismatch(aspect, path, "(absent)", Text(actualArray[i]))
                                : Values(aspect, expectedArray[i], actualArray[i], path);
                        }

                        path.RemoveAt(path.Count - 1);
                        if (mismatch is not null)
                        {
                            return mismatch;
                        }
                    }

                    return null;
                case JsonValue expectedValue when actual is JsonValue actualValue && ScalarsEqual(expectedValue, actualValue):
                    return null;
                default:
                    return Mismatch(aspect, path, Text(expected), actual is null ? "(absent)" : Text(actual));
            }
        }

        /// <summary>Events of one Parallel block, compared as multisets.</summary>
        private ConformanceMismatch? Block(JsonArray expected, int eStart, int eEnd, JsonArray actual, int aStart, int aEnd)
        {
            var unused = Enumerable.Range(aStart, aEnd - aStart).ToList();
            for (int e = eStart; e < eEnd; e++)
            {
                int match = -1;
                foreach (int candidate in unused)
                {
                    var trial = _bindings.Clone();
                    var saved = _bindings;
                    _bindings = trial;
                    bool equal = Values("events", expected[e], actual[candidate], [PathSegment.Property("events"), PathSegment.Element(e)]) is null;
                    _bindings = saved;
                    if (equal)
                    {
                        _bindings.CopyFrom(trial);
                        match = candidate;
                        break;
                    }
                }

                if (match < 0)
                {
                    // Show the difference against the closest event of the block: same type and state name.
                    int closest = unused.FirstOrDefault(i => Describe(actual[i]) == Describe(expected[e]), unused.Count > 0 ? unused[0] : -1);
                    if (closest < 0)
                    {
                        return new ConformanceMismatch(
                            "events",
                            PathSegment.Format([PathSegment.Property("events"), PathSegment.Element(e)]),
                            $"{Describe(expected[e])} in the Parallel block ({eEnd - eStart} events)",
                            $"not in the block ({aEnd - aStart} events)");
                    }

                    return Values("events", expected[e], actual[closest], [PathSegment.Property("events"), PathSegment.Element(e)])
                        ?? new ConformanceMismatch("events", PathSegment.Format([PathSegment.Property("events"), PathSegment.Element(e)]), Describe(expected[e]), "not in the block");
                }

                unused.Remove(match);
            }

            return unused.Count == 0
                ? null
                : new ConformanceMismatch(
                    "events",
                    PathSegment.Format([PathSegment.Property("events"), PathSegment.Element(aStart)]),
                    $"Parallel block of {eEnd - eStart} events",
                    $"{aEnd - aStart} events, extra: {Describe(actual[unused[0]])}");
        }

        private bool Skipped(List<PathSegment> path) => skips.Any(s => s.Matches(path));

        private bool ScalarsEqual(JsonValue expected, JsonValue actual)
        {
            var kind = expected.GetValueKind();
            if (kind != actual.GetValueKind())
            {
                return false;
            }

            return kind switch
            {
                JsonValueKind.String => _bindings.StringsEqual(expected.GetValue<string>(), actual.GetValue<string>()),
                JsonValueKind.Number => NumbersEqual(SnapshotJson.ToText(expected), SnapshotJson.ToText(actual)),
                _ => true,
            };
        }

        private static bool NumbersEqual(string expected, string actual)
        {
            if (expected == actual)
            {
                return true;
            }

            return decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
                && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                ? e == a
                : double.Parse(expected, CultureInfo.InvariantCulture) == double.Parse(actual, CultureInfo.InvariantCulture);
        }

        private static ConformanceMismatch Mismatch(string aspect, List<PathSegment> path, string expected, string actual) =>
            new(aspect, PathSegment.Format(path), expected, actual);

        private static bool IsBlockEvent(JsonNode? ev) => ev is JsonObject obj && obj["id"] is JsonArray;

        private static int BlockEnd(JsonArray events, int start)
        {
            int end = start;
            while (end < events.Count && IsBlockEvent(events[end]))
            {
                end++;
            }

            return end;
        }

        /// <summary>An event in a few words: its type and the state it belongs to.</summary>
        private static string Describe(JsonNode? ev)
        {
            if (ev is not JsonObject obj)
            {
                return Text(ev);
            }

            string type = obj["type"] is JsonValue t && t.TryGetValue(out string? typeText) ? typeText : "?";
            string? name = obj.Select(p => p.Value).OfType<JsonObject>()
                .Select(d => d["name"] is JsonValue n && n.TryGetValue(out string? nameText) ? nameText : null)
                .FirstOrDefault(n => n is not null);
            return name is null ? type : $"{type} '{name}'";
        }
    }
}

/// <summary>How strictly the comparer works.</summary>
public sealed record ComparisonOptions
{
    public static ComparisonOptions Default { get; } = new();

    /// <summary>Leave out the paths the recording tool itself did not compare (<c>localstack_skip_verify_paths</c>).</summary>
    public bool HonourSkipVerifyPaths { get; init; } = true;
}
