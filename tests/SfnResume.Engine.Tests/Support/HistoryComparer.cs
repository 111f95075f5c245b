using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Engine.Tests.Support;

/// <summary>
/// Compares a normalised engine history with a recorded one: types, ids, previousEventIds and details. A recorded
/// string holding placeholders (<c>&lt;uuid:1&gt;</c>, <c>&lt;json-input:1&gt;</c>, <c>date</c>) matches any text in their place.
/// Recorded Parallel blocks that were reordered (<c>parallel_events_normalised</c>) compare as multisets.
/// </summary>
internal static partial class HistoryComparer
{
    [ThreadStatic]
    private static IReadOnlySet<string>? s_replaced;

    [ThreadStatic]
    private static string? s_mismatch;

    public static void AssertSame(JsonArray expected, JsonArray actual, IReadOnlySet<string>? replaced = null)
    {
        s_replaced = replaced ?? new HashSet<string>();
        var e = 0;
        var a = 0;
        while (e < expected.Count)
        {
            Assert.True(a < actual.Count, "history ends early; expected next: " + expected[e]!.ToJsonString());
            if (expected[e]!["id"] is JsonArray)
            {
                var start = e;
                while (e < expected.Count && expected[e]!["id"] is JsonArray)
                {
                    e++;
                }

                var block = actual.Skip(a).Take(e - start).Select(Strip).ToList();
                foreach (var item in expected.Skip(start).Take(e - start))
                {
                    var match = block.FindIndex(x => Matches(Strip(item), x));
                    Assert.True(match >= 0, "no event like " + item!.ToJsonString() + " in the branch block");
                    block.RemoveAt(match);
                }

                a += e - start;

                // The recordings drop ParallelStateSucceeded/Failed after a reordered block.
                while (a < actual.Count && actual[a]!["type"]!.GetValue<string>() is "ParallelStateSucceeded" or "ParallelStateFailed"
                    && expected[e]!["type"]!.GetValue<string>() != actual[a]!["type"]!.GetValue<string>())
                {
                    a++;
                }

                continue;
            }

            Assert.True(Matches(expected[e], actual[a]), "event " + (a + 1) + " differs at " + s_mismatch + "\nexpected: " + expected[e]!.ToJsonString() + "\nactual:   " + actual[a]!.ToJsonString());
            e++;
            a++;
        }

        Assert.True(a == actual.Count, "history has more events than recorded, next: " + (a < actual.Count ? actual[a]!.ToJsonString() : ""));
    }

    private static JsonNode Strip(JsonNode? e)
    {
        var copy = e!.DeepClone().AsObject();
        copy.Remove("id");
        copy.Remove("previousEventId");
        return copy;
    }

    private static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonObject or JsonArray && actual is JsonValue text && text.TryGetValue<string>(out var json))
        {
            // The recording kept some array outputs parsed.
            return Matches(expected, JsonNode.Parse(json));
        }

        switch (expected)
        {
            case JsonObject eo:
                if (actual is not JsonObject ao || eo.Count != ao.Count)
                {
                    s_mismatch = "(members: " + string.Join(",", eo.Select(m => m.Key)) + " vs " + (actual is JsonObject o ? string.Join(",", o.Select(m => m.Key)) : actual?.ToJsonString()) + ")";
                    return false;
                }

                foreach (var member in eo)
                {
                    if (!ao.TryGetPropertyValue(member.Key, out var value) || !Matches(member.Value, value))
                    {
                        s_mismatch = member.Key + "/" + s_mismatch;
                        return false;
                    }
                }

                return true;
            case JsonArray ea:
                if (actual is not JsonArray aa || ea.Count != aa.Count)
                {
                    return false;
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (!Matches(ea[i], aa[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValue ev when ev.TryGetValue<string>(out var es):
                if (actual is JsonValue av && av.TryGetValue<string>(out var s))
                {
                    return es == s || (IsPlaceholder(es) && Pattern(es).IsMatch(s));
                }

                // A placeholder may stand for any JSON value (json-input, a replaced value).
                return IsWholeValueMask(es) || (IsPlaceholder(es) && actual is not null);

            default:
                return JsonNode.DeepEquals(expected, actual);
        }
    }

    private static bool IsPlaceholder(string s) => IsWholeValueMask(s) || PlaceholderToken().IsMatch(s);

    /// <summary>Values the recording tool wrote instead of the whole value.</summary>
    private static bool IsWholeValueMask(string s) =>
        (s_replaced?.Contains(s) ?? false) || s is "date" or "timestamp" or "X-Amzn-Trace-Id" or "RequestId" or "x-amzn-RequestId";

    private static Regex Pattern(string expected)
    {
        if (IsWholeValueMask(expected))
        {
            return new Regex(".*", RegexOptions.Singleline);
        }

        var parts = PlaceholderToken().Split(expected).Select(Regex.Escape);
        return new Regex("^" + string.Join(".*?", parts) + "$", RegexOptions.Singleline);
    }

    [GeneratedRegex("<[A-Za-z_:0-9-]+>")]
    private static partial Regex PlaceholderToken();
}
