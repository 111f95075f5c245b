using System.Text.Json.Nodes;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// The recorder's Parallel normalisation, reproduced step for step (including its quirks) so the engine's
/// events end up in the recorded shape: after each <c>ParallelStateStarted</c> the following events get
/// <c>id = [0]</c> and <c>previousEventId = 0</c>; at the next <c>ParallelState{Succeeded,Failed,Aborted,Exited}</c>
/// the slice from the block start up to that event is replaced by the collected events sorted by their JSON
/// text. Because the slice is replaced again at the closing <c>ParallelStateExited</c> with the same
/// collected list, the <c>ParallelStateSucceeded</c> event drops out, as it does in the recordings; nested
/// blocks lose more events the same way. The order inside a block is not meaningful: compare blocks as multisets.
/// </summary>
internal static class ParallelEventsSorter
{
    private static readonly HashSet<string> s_closing =
        ["ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited", "ParallelStateFailed"];

    public static void Apply(JsonArray events)
    {
        var list = events.Select(e => e?.DeepClone()).ToList();
        int startIndex = 0;
        var sublist = new List<JsonNode?>();
        bool inSublist = false;
        for (int i = 0; i < list.Count; i++)
        {
            string? type = (list[i] as JsonObject)?["type"]?.GetValue<string>();
            if (type is null)
            {
                inSublist = false;
            }
            else if (s_closing.Contains(type))
            {
                var sorted = sublist.OrderBy(SnapshotJson.ToText, StringComparer.Ordinal).ToList();
                int removeCount = Math.Max(0, i - startIndex);
                list.RemoveRange(startIndex, removeCount);
                list.InsertRange(startIndex, sorted);
                // No index correction: the recorder enumerates the list it is rewriting, so when the slice
                // shrinks it steps over the event that moved into the next position, and so must we.
                inSublist = false;
            }
            else if (type == "ParallelStateStarted")
            {
                inSublist = true;
                sublist = [];
                startIndex = i + 1;
            }
            else if (inSublist && list[i] is JsonObject ev)
            {
                ev["id"] = new JsonArray(0);
                ev["previousEventId"] = 0;
                sublist.Add(ev);
            }
        }

        events.Clear();
        foreach (var e in list)
        {
            events.Add(e);
        }
    }
}
