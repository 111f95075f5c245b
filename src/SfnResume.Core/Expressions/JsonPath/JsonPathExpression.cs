using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Errors;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// A parsed JSONPath (Jayway dialect, as used by AWS Step Functions): parse once, evaluate many times.
/// </summary>
/// <remarks>
/// <para>Found versus absent: <see cref="TryEvaluate(in JsonPathScope, out JsonNode?)"/> returns false when
/// a definite path selects nothing; a path that selects a JSON null returns true with a null value.
/// An indefinite path (wildcard, slice, deep scan, filter, index union) always succeeds and yields a new
/// array of copies of its matches, possibly empty, as Jayway does.</para>
/// <para>Values are borrowed from the scope's documents; never mutate them. To place a result into another
/// tree use <see cref="TryEvaluateDetached"/> (clones only when the value is borrowed).</para>
/// <para>Paths made only of member names and indexes run over a precompiled step array without allocating.</para>
/// </remarks>
public sealed class JsonPathExpression
{
    private readonly PathSegment[] _segments;
    private readonly DefiniteStep[]? _steps;

    private JsonPathExpression(string text, JsonPathRoot root, string? variable, PathSegment[] segments)
    {
        Text = text;
        Root = root;
        VariableName = variable;
        _segments = segments;
        IsDefinite = Array.TrueForAll(segments, s => s.IsDefinite);
        IsReference = Array.TrueForAll(segments, s => s is PropertySegment or IndexSegment);
        if (IsReference)
        {
            _steps = new DefiniteStep[segments.Length];
            for (var i = 0; i < segments.Length; i++)
            {
                _steps[i] = segments[i] is PropertySegment p ? new DefiniteStep(p.Name, 0) : new DefiniteStep(null, ((IndexSegment)segments[i]).Index);
            }
        }

        var builder = new StringBuilder(root switch { JsonPathRoot.Context => "$$", JsonPathRoot.Variable => "$" + variable, _ => "$" });
        foreach (var segment in segments)
        {
            segment.AppendNormalized(builder);
        }

        NormalizedPath = builder.ToString();
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The document the path starts from.</summary>
    public JsonPathRoot Root { get; }

    /// <summary>The variable name for <see cref="JsonPathRoot.Variable"/> paths, else null.</summary>
    public string? VariableName { get; }

    /// <summary>True when the path selects at most one value (no wildcard, slice, deep scan, filter or index union).</summary>
    public bool IsDefinite { get; }

    /// <summary>True for a reference path: member names and single indexes only (ResultPath, Choice Variable, ItemsPath).</summary>
    public bool IsReference { get; }

    /// <summary>True for the bare root (<c>$</c>, <c>$$</c> or <c>$name</c>).</summary>
    public bool IsRootOnly => _segments.Length == 0;

    /// <summary>Jayway's normalised form, e.g. <c>$['a'][0]</c>, as it appears in AWS error texts.</summary>
    public string NormalizedPath { get; }

    internal int StepCount => _segments.Length;

    internal PathSegment[] Segments => _segments;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonPathParseException"/> with the offending offset.</summary>
    public static JsonPathExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, variable, segments) = JsonPathParser.Parse(text);
        return new JsonPathExpression(text, root, variable, segments);
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPathExpression? expression, [NotNullWhen(false)] out JsonPathParseException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (JsonPathParseException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    public override string ToString() => Text;

    /// <summary>Evaluates; the value is borrowed from the scope when it is not a fresh result.</summary>
    public bool TryEvaluate(in JsonPathScope scope, out JsonNode? value) => TryEvaluate(scope, out value, out _);

    /// <summary>
    /// Evaluates. <paramref name="owned"/> is true when <paramref name="value"/> is a new node (indefinite
    /// results, merged members) that may be placed into another tree without cloning.
    /// </summary>
    public bool TryEvaluate(in JsonPathScope scope, out JsonNode? value, out bool owned)
    {
        owned = false;
        if (!TryGetRoot(scope, out var node))
        {
            value = null;
            return !IsDefinite && SetEmpty(out value, out owned);
        }

        if (_steps is not null)
        {
            foreach (var step in _steps)
            {
                if (!step.TryApply(ref node))
                {
                    value = null;
                    return false;
                }
            }

            value = node;
            return true;
        }

        // Inside filters '$' means the document this path starts from.
        var matches = PathWalker.SelectAll(node, node, _segments);
        if (IsDefinite)
        {
            if (matches.Count == 0)
            {
                value = null;
                return false;
            }

            value = matches[0];
            owned = _segments[^1] is MultiPropertySegment;
            return true;
        }

        var array = new JsonArray();
        foreach (var match in matches)
        {
            array.Add(JsonNodes.Clone(match));
        }

        value = array;
        owned = true;
        return true;
    }

    /// <summary>Evaluates and returns a value that may be inserted into another tree (cloned only when borrowed).</summary>
    public bool TryEvaluateDetached(in JsonPathScope scope, out JsonNode? value)
    {
        if (!TryEvaluate(scope, out var raw, out var owned))
        {
            value = null;
            return false;
        }

        value = JsonNodes.Detach(raw, owned);
        return true;
    }

    /// <summary>
    /// Evaluates a whole-value field (InputPath, OutputPath, ItemsPath, a Choice Variable...): returns a value
    /// that may be placed into another tree, or throws a state-scoped <c>States.Runtime</c> with AWS's
    /// cause, e.g. "Invalid path '$.x' : No results for path: $['x']".
    /// </summary>
    public JsonNode? EvaluateOrThrow(in JsonPathScope scope)
    {
        if (TryEvaluateDetached(scope, out var value))
        {
            return value;
        }

        throw StatesException.ScopedToState(StatesErrorNames.Runtime, StatesCauses.InvalidPath(Text, DescribeMissing(scope)));
    }

    /// <summary>
    /// Why a definite path selected nothing, in Jayway's words as AWS quotes them after
    /// <c>Invalid path '$.x' : </c> (recorded: "No results for path: $['x']", "Missing property in path $['no']").
    /// Call only after <see cref="TryEvaluate(in JsonPathScope, out JsonNode?)"/> returned false.
    /// </summary>
    public string DescribeMissing(in JsonPathScope scope)
    {
        if (!TryGetRoot(scope, out var node))
        {
            return Root == JsonPathRoot.Variable
                ? "No results for path: " + NormalizedPath
                : "The path " + NormalizedPath + " is null";
        }

        var current = new StringBuilder(Root switch { JsonPathRoot.Context => "$$", JsonPathRoot.Variable => "$" + VariableName, _ => "$" });
        for (var i = 0; i < _segments.Length; i++)
        {
            var isLeaf = i == _segments.Length - 1;
            switch (_segments[i])
            {
                case PropertySegment property:
                    if (node is not JsonObject obj)
                    {
                        return string.Create(
                            CultureInfo.InvariantCulture,
                            $"Expected to find an object with property ['{property.Name}'] in path {current} but found '{JavaTypeName(node)}'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.");
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out node))
                    {
                        property.AppendNormalized(current);
                        return isLeaf ? "No results for path: " + NormalizedPath : "Missing property in path " + current;
                    }

                    property.AppendNormalized(current);
                    break;
                case IndexSegment index:
                    if (node is null)
                    {
                        return "The path " + current + " is null";
                    }

                    if (node is not JsonArray array)
                    {
                        return "Filter: [" + index.Index.ToString(CultureInfo.InvariantCulture) + "] can only be applied to arrays. Current context is: " + JsonNodes.ToCompactJson(node);
                    }

                    var at = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (at < 0 || at >= array.Count)
                    {
                        return "No results for path: " + NormalizedPath;
                    }

                    node = array[at];
                    index.AppendNormalized(current);
                    break;
                default:
                    return "No results for path: " + NormalizedPath;
            }
        }

        return "No results for path: " + NormalizedPath;
    }

    private static bool SetEmpty(out JsonNode? value, out bool owned)
    {
        value = new JsonArray();
        owned = true;
        return true;
    }

    private bool TryGetRoot(in JsonPathScope scope, out JsonNode? node)
    {
        switch (Root)
        {
            case JsonPathRoot.Input:
                node = scope.Input;
                return true;
            case JsonPathRoot.Context:
                node = scope.Context;
                return scope.Context is not null;
            default:
                if (scope.Variables is not null && scope.Variables.TryGetVariable(VariableName!, out node))
                {
                    return true;
                }

                node = null;
                return false;
        }
    }

    private static string JavaTypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "net.minidev.json.JSONArray",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "java.lang.String",
            JsonValueKind.True or JsonValueKind.False => "java.lang.Boolean",
            JsonValueKind.Number => JsonNodes.TryGetInt64(v, out var l) && !JsonNodes.NumberText(v).Contains('.', StringComparison.Ordinal)
                ? (l is >= int.MinValue and <= int.MaxValue ? "java.lang.Integer" : "java.lang.Long")
                : "java.lang.Double",
            _ => "java.lang.Object",
        },
        _ => "java.lang.Object",
    };

    /// <summary>A member-name step (Name set) or an index step.</summary>
    private readonly struct DefiniteStep(string? name, int index)
    {
        public bool TryApply(ref JsonNode? node)
        {
            if (name is not null)
            {
                return node is JsonObject obj && obj.TryGetPropertyValue(name, out node);
            }

            if (node is JsonArray array)
            {
                var at = index < 0 ? array.Count + index : index;
                if (at >= 0 && at < array.Count)
                {
                    node = array[at];
                    return true;
                }
            }

            return false;
        }
    }
}
