using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// One step of a compiled path. Semantics follow Jayway JsonPath, the library AWS's JSONPath dialect is
/// modelled on: a step that does not apply to a node (a property of an array, an index of an object)
/// selects nothing from it.
/// </summary>
internal abstract class PathSegment
{
    /// <summary>True when the step selects at most one node from one node.</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Appends what the step selects from <paramref name="node"/> to <paramref name="output"/>.</summary>
    public abstract void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output);

    /// <summary>Writes the step in Jayway's normalised form (<c>['name']</c>, <c>[0]</c>, <c>[*]</c>).</summary>
    public abstract void AppendNormalized(StringBuilder builder);

    protected static void AppendQuoted(StringBuilder builder, string name) => builder.Append('\'').Append(name).Append('\'');
}

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed class PropertySegment(string name) : PathSegment
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var child))
        {
            output.Add(child);
        }
    }

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        AppendQuoted(builder, Name);
        builder.Append(']');
    }
}

/// <summary>
/// <c>['a','b']</c>. As the last step Jayway merges the named members into one new object (so the step is
/// definite); elsewhere each named member is selected in turn.
/// </summary>
internal sealed class MultiPropertySegment(IReadOnlyList<string> names, bool isLeaf) : PathSegment
{
    public IReadOnlyList<string> Names { get; } = names;

    public bool IsLeaf { get; } = isLeaf;

    public override bool IsDefinite => IsLeaf;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (IsLeaf)
        {
            var merged = new JsonObject();
            foreach (var name in Names)
            {
                if (obj.TryGetPropertyValue(name, out var child))
                {
                    merged[name] = JsonNodes.Clone(child);
                }
            }

            output.Add(merged);
            return;
        }

        foreach (var name in Names)
        {
            if (obj.TryGetPropertyValue(name, out var child))
            {
                output.Add(child);
            }
        }
    }

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < Names.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendQuoted(builder, Names[i]);
        }

        builder.Append(']');
    }
}

/// <summary><c>[n]</c>; negative indexes count from the end.</summary>
internal sealed class IndexSegment(int index) : PathSegment
{
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is JsonArray array)
        {
            var i = Index < 0 ? array.Count + Index : Index;
            if (i >= 0 && i < array.Count)
            {
                output.Add(array[i]);
            }
        }
    }

    public override void AppendNormalized(StringBuilder builder) => builder.Append('[').Append(Index).Append(']');
}

/// <summary><c>[0,2,-1]</c>.</summary>
internal sealed class MultiIndexSegment(IReadOnlyList<int> indexes) : PathSegment
{
    public IReadOnlyList<int> Indexes { get; } = indexes;

    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        foreach (var index in Indexes)
        {
            var i = index < 0 ? array.Count + index : index;
            if (i >= 0 && i < array.Count)
            {
                output.Add(array[i]);
            }
        }
    }

    public override void AppendNormalized(StringBuilder builder) =>
        builder.Append('[').AppendJoin(',', Indexes).Append(']');
}

/// <summary><c>[start:end]</c> (end exclusive, negative values count from the end, either may be omitted).</summary>
internal sealed class SliceSegment(int? start, int? end) : PathSegment
{
    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        var count = array.Count;
        var from = Normalize(start ?? 0, count);
        var to = end is null ? count : Normalize(end.Value, count);
        for (var i = from; i < to; i++)
        {
            output.Add(array[i]);
        }
    }

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        if (start is not null)
        {
            builder.Append(start.Value);
        }

        builder.Append(':');
        if (end is not null)
        {
            builder.Append(end.Value);
        }

        builder.Append(']');
    }

    private static int Normalize(int value, int count) =>
        value < 0 ? Math.Max(0, count + value) : Math.Min(value, count);
}

/// <summary><c>.*</c> or <c>[*]</c>: every member value of an object or every element of an array.</summary>
internal sealed class WildcardSegment : PathSegment
{
    public static readonly WildcardSegment Instance = new();

    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    output.Add(member.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    output.Add(item);
                }

                break;
        }
    }

    public override void AppendNormalized(StringBuilder builder) => builder.Append("[*]");
}

/// <summary><c>..step</c>: applies <see cref="Inner"/> to the node and to every descendant, document order.</summary>
internal sealed class DeepScanSegment(PathSegment inner) : PathSegment
{
    public PathSegment Inner { get; } = inner;

    public override bool IsDefinite => false;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        // Under a deep scan Jayway tests a filter against every object reached (not element-wise per
        // array as well), so that each matching object is selected once.
        if (Inner is FilterSegment filter)
        {
            if (node is JsonObject candidate && filter.Matches(candidate, root))
            {
                output.Add(candidate);
            }
        }
        else
        {
            Inner.Select(node, root, output);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    if (member.Value is JsonObject or JsonArray)
                    {
                        Select(member.Value, root, output);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject or JsonArray)
                    {
                        Select(item, root, output);
                    }
                }

                break;
        }
    }

    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append("..");
        Inner.AppendNormalized(builder);
    }
}

/// <summary>
/// <c>[?(expr)]</c>: array elements for which the predicate holds; applied to an object, the object itself
/// when the predicate holds (as Jayway does).
/// </summary>
internal sealed class FilterSegment(FilterExpression predicate, string text) : PathSegment
{
    public override bool IsDefinite => false;

    public bool Matches(JsonNode? node, JsonNode? root) => predicate.IsTrue(node, root);

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (predicate.IsTrue(item, root))
                    {
                        output.Add(item);
                    }
                }

                break;
            case JsonObject obj:
                if (predicate.IsTrue(obj, root))
                {
                    output.Add(obj);
                }

                break;
        }
    }

    public override void AppendNormalized(StringBuilder builder) => builder.Append("[?(").Append(text).Append(")]");
}
