using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions;

/// <summary>
/// The string value of a <c>"key.$"</c> field (or of Fail's ErrorPath/CausePath): a path (<c>$.x</c>,
/// <c>$$.x</c>, <c>$name</c>) or an intrinsic function call. Compiled once.
/// </summary>
public sealed class DynamicValue
{
    private readonly JsonPathExpression? _path;
    private readonly IntrinsicExpression? _intrinsic;

    private DynamicValue(string text, JsonPathExpression? path, IntrinsicExpression? intrinsic)
    {
        Text = text;
        _path = path;
        _intrinsic = intrinsic;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The path when this is a path, else null.</summary>
    public JsonPathExpression? Path => _path;

    /// <summary>The call when this is an intrinsic function, else null.</summary>
    public IntrinsicExpression? Intrinsic => _intrinsic;

    /// <summary>Compiles a path or an intrinsic call; throws <see cref="JsonPathParseException"/> for anything else.</summary>
    public static DynamicValue Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('$'))
        {
            return new DynamicValue(text, JsonPathExpression.Parse(text), null);
        }

        if (IntrinsicExpression.LooksLikeCall(text))
        {
            return new DynamicValue(text, null, IntrinsicExpression.Parse(text));
        }

        throw new JsonPathParseException(text, 0, "The value is neither a JSONPath nor an intrinsic function call");
    }

    public override string ToString() => Text;

    /// <summary>
    /// Evaluates to a node that may be placed into another tree. A path that selects nothing raises
    /// <c>States.Runtime</c>: "The JSONPath '$.x' specified for the field '<paramref name="field"/>' could not be
    /// found in the input '{...}'" (recorded AWS wording).
    /// </summary>
    public JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random, string field)
    {
        if (_path is not null)
        {
            if (_path.TryEvaluate(scope, out var value, out var owned))
            {
                return JsonNodes.Detach(value, owned);
            }

            throw StatesException.ScopedToState(
                StatesErrorNames.Runtime,
                StatesCauses.FieldPathNotFound(_path.Text, field, JsonNodes.ToCompactJson(scope.Input)));
        }

        return _intrinsic!.Evaluate(scope, random);
    }
}
