using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// The small JSONPath subset the recording tool uses for transformers and skipped paths:
/// <c>$</c> followed by <c>.name</c>, <c>..name</c> (any depth) and <c>[n]</c> steps, e.g.
/// <c>$..events[4].previousEventId</c> or <c>$..SdkHttpMetadata..Date</c>.
/// </summary>
internal sealed class SnapshotJsonPath
{
    private readonly ImmutableArray<Step> _steps;

    private SnapshotJsonPath(string text, ImmutableArray<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public static bool TryParse(string text, out SnapshotJsonPath? path)
    {
        path = null;
        if (!text.StartsWith('$'))
        {
            return false;
        }

        var steps = ImmutableArray.CreateBuilder<Step>();
        int i = 1;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    return false;
                }

                steps.Add(new Step(Descendant: false, Name: null, Index: index));
                i = close + 1;
                continue;
            }

            if (text[i] != '.')
            {
                return false;
            }

            bool descendant = i + 1 < text.Length && text[i + 1] == '.';
            i += descendant ? 2 : 1;
            int start = i;
            while (i < text.Length && text[i] != '.' && text[i] != '[')
            {
                i++;
            }

            if (i == start)
            {
                if (descendant && i < text.Length && text[i] == '[')
                {
                    // "$..[n]": an index at any depth; the index step below carries it.
                    steps.Add(new Step(Descendant: true, Name: null, Index: null));
                    continue;
                }

                return false;
            }

            steps.Add(new Step(descendant, text[start..i], null));
        }

        path = new SnapshotJsonPath(text, steps.ToImmutable());
        return true;
    }

    public static SnapshotJsonPath Parse(string text) =>
        TryParse(text, out var path) ? path! : throw new FormatException($"unsupported JSONPath '{text}'");

    /// <summary>True when the concrete <paramref name="path"/> (property names and array indexes) is selected.</summary>
    public bool Matches(IReadOnlyList<PathSegment> path) => Match(0, path, 0);

    /// <summary>Replaces every selected value under <paramref name="root"/> with what <paramref name="replace"/> returns.</summary>
    public void ReplaceAll(JsonNode root, Func<JsonNode?, JsonNode?> replace)
    {
        var path = new List<PathSegment>();
        Visit(root, path, replace);
    }

    /// <summary>Every selected value under <paramref name="root"/>, depth first.</summary>
    public IEnumerable<JsonNode?> SelectAll(JsonNode root)
    {
        var found = new List<JsonNode?>();
        ReplaceAll(root, node =>
        {
            found.Add(node);
            return node;
        });
        return found;
    }

    public override string ToString() => Text;

    private void Visit(JsonNode node, List<PathSegment> path, Func<JsonNode?, JsonNode?> replace)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    path.Add(PathSegment.Property(name));
                    if (Matches(path))
                    {
                        obj[name] = Detach(replace(obj[name]));
                    }
                    else if (obj[name] is { } child)
                    {
                        Visit(child, path, replace);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonArray array:
                for (int index = 0; index < array.Count; index++)
                {
                    path.Add(PathSegment.Element(index));
                    if (Matches(path))
                    {
                        array[index] = Detach(replace(array[index]));
                    }
                    else if (array[index] is { } child)
                    {
                        Visit(child, path, replace);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    private static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    private bool Match(int step, IReadOnlyList<PathSegment> path, int at)
    {
        if (step == _steps.Length)
        {
            return at == path.Count;
        }

        var s = _steps[step];
        if (s.Descendant && s.Name is null && s.Index is null)
        {
            // "..": the next step may start at any depth.
            for (int skip = at; skip < path.Count; skip++)
            {
                if (Match(step + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        if (!s.Descendant)
        {
            return at < path.Count && s.Accepts(path[at]) && Match(step + 1, path, at + 1);
        }

        for (int skip = at; skip < path.Count; skip++)
        {
            if (s.Accepts(path[skip]) && Match(step + 1, path, skip + 1))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Step(bool Descendant, string? Name, int? Index)
    {
        public bool Accepts(PathSegment segment) =>
            Name is not null ? segment.Name == Name : Index is not null && segment.Name is null && segment.Index == Index;
    }
}

/// <summary>One step of a concrete JSON path: a property name or an array index.</summary>
internal readonly record struct PathSegment(string? Name, int Index)
{
    public static PathSegment Property(string name) => new(name, -1);

    public static PathSegment Element(int index) => new(null, index);

    /// <summary>Formats a path as <c>$.events[3].stateEnteredEventDetails.input</c>.</summary>
    public static string Format(IEnumerable<PathSegment> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            if (segment.Name is null)
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append('.').Append(segment.Name);
            }
        }

        return text.ToString();
    }
}
