using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>Applies a sequence of steps to a node, breadth by breadth.</summary>
internal static class PathWalker
{
    public static List<JsonNode?> SelectAll(JsonNode? start, JsonNode? root, PathSegment[] segments)
    {
        var current = new List<JsonNode?>(4) { start };
        var next = new List<JsonNode?>(4);
        foreach (var segment in segments)
        {
            next.Clear();
            foreach (var node in current)
            {
                segment.Select(node, root, next);
            }

            (current, next) = (next, current);
            if (current.Count == 0)
            {
                break;
            }
        }

        return current;
    }
}
