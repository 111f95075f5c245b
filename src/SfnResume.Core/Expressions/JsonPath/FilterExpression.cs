using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>A predicate inside <c>[?( )]</c>, evaluated against the current element (<c>@</c>) and the root (<c>$</c>).</summary>
internal abstract class FilterExpression
{
    public abstract bool IsTrue(JsonNode? current, JsonNode? root);
}

internal sealed class AndFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool IsTrue(JsonNode? current, JsonNode? root) => left.IsTrue(current, root) && right.IsTrue(current, root);
}

internal sealed class OrFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool IsTrue(JsonNode? current, JsonNode? root) => left.IsTrue(current, root) || right.IsTrue(current, root);
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool IsTrue(JsonNode? current, JsonNode? root) => !inner.IsTrue(current, root);
}

/// <summary><c>[?(@.x)]</c>: the path selects something; a lone literal is true when it is <c>true</c>.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool IsTrue(JsonNode? current, JsonNode? root)
    {
        if (!operand.TryEvaluate(current, root, out var value))
        {
            return false;
        }

        return operand is not LiteralOperand || (value is JsonValue v && v.GetValueKind() == JsonValueKind.True);
    }
}

internal enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Matches,
    In,
    NotIn,
}

/// <summary>
/// A comparison. Values of different JSON types are never equal and never ordered; numbers compare by
/// value, strings ordinally (Jayway compares Java strings, i.e. UTF-16 code units).
/// An operand that selects nothing makes every comparison false except <c>!=</c>.
/// </summary>
internal sealed class ComparisonFilter(FilterOperand left, FilterOperator op, FilterOperand right) : FilterExpression
{
    public override bool IsTrue(JsonNode? current, JsonNode? root)
    {
        var leftFound = left.TryEvaluate(current, root, out var l);
        var rightFound = right.TryEvaluate(current, root, out var r);
        if (!leftFound || !rightFound)
        {
            return op == FilterOperator.NotEqual && leftFound != rightFound;
        }

        switch (op)
        {
            case FilterOperator.Equal:
                return JsonNodes.DeepEquals(l, r);
            case FilterOperator.NotEqual:
                return !JsonNodes.DeepEquals(l, r);
            case FilterOperator.Matches:
                return right is RegexOperand regex && JsonNodes.TryGetString(l, out var s) && regex.Regex.IsMatch(s);
            case FilterOperator.In:
                return r is JsonArray inList && Contains(inList, l);
            case FilterOperator.NotIn:
                return r is JsonArray notInList && !Contains(notInList, l);
            default:
                var order = Compare(l, r);
                return order is not null && op switch
                {
                    FilterOperator.Less => order < 0,
                    FilterOperator.LessOrEqual => order <= 0,
                    FilterOperator.Greater => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private static bool Contains(JsonArray list, JsonNode? value)
    {
        foreach (var item in list)
        {
            if (JsonNodes.DeepEquals(item, value))
            {
                return true;
            }
        }

        return false;
    }

    private static int? Compare(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue lv && right is JsonValue rv)
        {
            var lk = lv.GetValueKind();
            var rk = rv.GetValueKind();
            if (lk == JsonValueKind.Number && rk == JsonValueKind.Number)
            {
                return JsonNodes.CompareNumbers(lv, rv);
            }

            if (lk == JsonValueKind.String && rk == JsonValueKind.String)
            {
                return string.CompareOrdinal(lv.GetValue<string>(), rv.GetValue<string>());
            }
        }

        return null;
    }
}

/// <summary>A value inside a filter: a path from <c>@</c> or <c>$</c>, a literal, or a regular expression.</summary>
internal abstract class FilterOperand
{
    /// <summary>False when the operand selects nothing.</summary>
    public abstract bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value);
}

internal sealed class LiteralOperand(JsonNode? value) : FilterOperand
{
    public override bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? result)
    {
        result = value;
        return true;
    }
}

internal sealed class RegexOperand(Regex regex) : FilterOperand
{
    public Regex Regex { get; } = regex;

    public override bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        value = null;
        return true;
    }
}

/// <summary><c>@.a.b</c> or <c>$.a</c> inside a filter. An indefinite path yields the array of its matches.</summary>
internal sealed class PathOperand(bool fromRoot, PathSegment[] segments) : FilterOperand
{
    private readonly bool _definite = Array.TrueForAll(segments, s => s.IsDefinite);

    public override bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        var start = fromRoot ? root : current;
        var matches = PathWalker.SelectAll(start, root, segments);
        if (_definite)
        {
            value = matches.Count == 1 ? matches[0] : null;
            return matches.Count == 1;
        }

        var array = new JsonArray();
        foreach (var match in matches)
        {
            array.Add(JsonNodes.Clone(match));
        }

        value = array;
        return true;
    }
}
