using System.Text;
using System.Text.Json;
using SfnResume.Core.History;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.History;

/// <summary>Fixtures under <c>testdata/history</c> and a JSON comparison that also checks member order.</summary>
internal static class HistoryTestData
{
    public static string PathOf(string name) =>
        RepoPaths.InRoot("tests", "SfnResume.Core.Tests", "testdata", "history", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static ExecutionHistory Read(string name) => ExecutionHistory.Parse(Bytes(name));

    public static ExecutionTimeline Timeline(string name) => ExecutionTimeline.Build(Read(name));

    /// <summary>Asserts two JSON texts are equal value for value, members in the same order, numbers as written.</summary>
    public static void AssertSameJson(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = FirstDifference(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, difference);
    }

    /// <summary>Compares with a golden file under testdata/history; <c>UPDATE_GOLDEN=1</c> rewrites it instead.</summary>
    public static void AssertGolden(string actualJson, string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(PathOf(name), actualJson + "\n");
            return;
        }

        AssertSameJson(File.ReadAllText(PathOf(name)), actualJson);
    }

    /// <summary>The events of a GetExecutionHistory-shaped document, as JSON texts, in the order given.</summary>
    public static string EventsDocument(IEnumerable<JsonElement> events)
    {
        var sb = new StringBuilder("{\"events\":[");
        sb.AppendJoin(',', events.Select(e => e.GetRawText()));
        return sb.Append("]}").ToString();
    }

    private static string? FirstDifference(JsonElement e, JsonElement a, string path)
    {
        if (e.ValueKind != a.ValueKind)
        {
            return $"{path}: expected {e.ValueKind}, found {a.ValueKind}";
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var ep = e.EnumerateObject().ToList();
                var ap = a.EnumerateObject().ToList();
                var names = string.Join(",", ep.Select(p => p.Name));
                var actualNames = string.Join(",", ap.Select(p => p.Name));
                if (names != actualNames)
                {
                    return $"{path}: expected members [{names}], found [{actualNames}]";
                }

                for (var i = 0; i < ep.Count; i++)
                {
                    if (FirstDifference(ep[i].Value, ap[i].Value, path + "." + ep[i].Name) is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                {
                    return $"{path}: expected {e.GetArrayLength()} items, found {a.GetArrayLength()}";
                }

                var index = 0;
                foreach (var (x, y) in e.EnumerateArray().Zip(a.EnumerateArray()))
                {
                    if (FirstDifference(x, y, $"{path}[{index++}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.String:
                return e.GetString() == a.GetString() ? null : $"{path}: expected \"{e.GetString()}\", found \"{a.GetString()}\"";
            default:
                return e.GetRawText() == a.GetRawText() ? null : $"{path}: expected {e.GetRawText()}, found {a.GetRawText()}";
        }
    }
}
