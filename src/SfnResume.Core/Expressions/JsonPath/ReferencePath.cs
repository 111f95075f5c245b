using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using SfnResume.Core.Errors;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// A reference path (https://states-language.net/#ref-paths): a path that addresses exactly one node, made of
/// member names and indexes only. Used by ResultPath (to write) and by Choice <c>Variable</c>, ItemsPath and
/// the <c>*Path</c> fields (to read).
/// </summary>
public sealed class ReferencePath
{
    private ReferencePath(JsonPathExpression path)
    {
        Path = path;
    }

    /// <summary>The underlying path.</summary>
    public JsonPathExpression Path { get; }

    /// <summary>The path as written.</summary>
    public string Text => Path.Text;

    /// <summary>True for <c>$</c>: a ResultPath of <c>$</c> replaces the whole input with the result.</summary>
    public bool IsRoot => Path.IsRootOnly && Path.Root == JsonPathRoot.Input;

    /// <summary>Parses and checks that the path is a reference path; throws <see cref="JsonPathParseException"/> otherwise.</summary>
    public static ReferencePath Parse(string text)
    {
        var path = JsonPathExpression.Parse(text);
        if (!path.IsReference)
        {
            throw new JsonPathParseException(text, 0, "A reference path may contain only member names and indexes");
        }

        return new ReferencePath(path);
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ReferencePath? path)
    {
        try
        {
            path = Parse(text);
            return true;
        }
        catch (JsonPathParseException)
        {
            path = null;
            return false;
        }
    }

    public override string ToString() => Text;

    /// <summary>Reads the addressed value; false when it does not exist (a JSON null that exists returns true).</summary>
    public bool TryGet(in JsonPathScope scope, out JsonNode? value) => Path.TryEvaluate(scope, out value);

    /// <summary>
    /// Returns a new document: a deep copy of <paramref name="root"/> with <paramref name="value"/> written at
    /// this path. Neither argument is modified. See <see cref="SetInPlace"/> for the non-copying variant.
    /// </summary>
    public JsonNode? Set(JsonNode? root, JsonNode? value) =>
        IsRoot ? JsonNodes.Clone(value) : SetInPlace(JsonNodes.Clone(root), JsonNodes.Clone(value));

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="root"/> at this path and returns the resulting
    /// document (<paramref name="value"/> itself for <c>$</c>). Mutates <paramref name="root"/>: use it only on
    /// a document the caller owns. <paramref name="value"/> must not belong to another tree
    /// (see <see cref="JsonNodes.Detach"/>).
    /// </summary>
    /// <remarks>
    /// As AWS does, missing members along the path are created as empty objects. A path that crosses a value
    /// that is not an object (or an index outside an array) fails with <c>States.ResultPathMatchFailure</c>.
    /// </remarks>
    public JsonNode? SetInPlace(JsonNode? root, JsonNode? value)
    {
        if (Path.Root != JsonPathRoot.Input)
        {
            throw new InvalidOperationException("Only paths starting with '$' can be written: " + Text);
        }

        if (IsRoot)
        {
            return value;
        }

        var segments = Path.Segments;
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var isLast = i == segments.Length - 1;
            switch (segments[i])
            {
                case PropertySegment property when node is JsonObject obj:
                    if (isLast)
                    {
                        obj[property.Name] = value;
                        return root;
                    }

                    if (!obj.TryGetPropertyValue(property.Name, out var child) || child is null)
                    {
                        child = new JsonObject();
                        obj[property.Name] = child;
                    }

                    node = child;
                    break;
                case IndexSegment index when node is JsonArray array:
                    var at = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (at < 0 || at >= array.Count)
                    {
                        throw Failure(segments[i], root);
                    }

                    if (isLast)
                    {
                        array[at] = value;
                        return root;
                    }

                    if (array[at] is null)
                    {
                        array[at] = new JsonObject();
                    }

                    node = array[at];
                    break;
                default:
                    throw Failure(segments[i], root);
            }
        }

        return root;
    }

    private static StatesException Failure(PathSegment step, JsonNode? root)
    {
        var name = step is PropertySegment p ? p.Name : "[" + ((IndexSegment)step).Index + "]";
        return StatesException.ScopedToState(
            StatesErrorNames.ResultPathMatchFailure,
            StatesCauses.ResultPathNotApplicable(name, JsonNodes.ToCompactJson(root)));
    }
}
