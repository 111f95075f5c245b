namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// Evaluation without an evaluator for the expressions Step Functions states are mostly made of: paths from a
/// bound variable through field names (<c>$states.input.order.id</c>), literals, and arithmetic, comparison and
/// equality over them (<c>$states.input.i + 1</c>, <c>$states.input.n &lt; $states.input.limit</c>). Nothing here
/// has side effects, so whenever a case is not the plain one (an array or other value on a path, undefined, an
/// operand of another type, a number that is not finite) it gives up and the general evaluator starts over, giving
/// the result or the error the language defines.
/// </summary>
internal static class BoundEvaluation
{
    /// <summary>True when <paramref name="node"/> is built only of what <see cref="TryEvaluate"/> handles.</summary>
    public static bool Supports(Node node)
    {
        if (node.Predicates is not null || node.Group is not null || node.KeepArray)
        {
            return false;
        }

        return node.Type switch
        {
            NodeType.Number or NodeType.String => true,
            NodeType.Path => IsBoundPath(node),
            NodeType.Binary => node.Text is "+" or "-" or "*" or "/" or "%" or "<" or "<=" or ">" or ">=" or "=" or "!=" or "&"
                && Supports(node.Lhs!) && Supports(node.Rhs!),
            _ => false,
        };
    }

    private static bool IsBoundPath(Node path) =>
        Evaluator.IsSimplePath(path) && path.Steps![0] is { Type: NodeType.Variable, Text: { Length: > 0 } first } && first != "$";

    /// <summary>Evaluates a tree <see cref="Supports"/> accepted; false hands over to the general evaluator.</summary>
    public static bool TryEvaluate(Node node, IReadOnlyDictionary<string, object?> bound, out object? value)
    {
        switch (node.Type)
        {
            case NodeType.Number:
            case NodeType.String:
                value = node.Literal;
                return true;
            case NodeType.Path:
                return TryWalk(node.Steps!, bound, out value);
            default:
                value = null;
                return TryEvaluate(node.Lhs!, bound, out var lhs) && TryEvaluate(node.Rhs!, bound, out var rhs)
                    && TryApply(node.Text, lhs, rhs, out value);
        }
    }

    private static bool TryWalk(List<Node> steps, IReadOnlyDictionary<string, object?> bound, out object? value)
    {
        value = null;
        if (!bound.TryGetValue(steps[0].Text, out var current))
        {
            return false;
        }

        for (var i = 1; i < steps.Count; i++)
        {
            if (current is not JMap map)
            {
                return false;
            }

            if (!map.TryGet(steps[i].Text, out current))
            {
                // undefined: a whole expression that is only this path is undefined; inside an operator it is
                // the general evaluator's case
                return true;
            }
        }

        value = current;
        return current is not JList { Sequence: true };
    }

    private static bool TryApply(string op, object? lhs, object? rhs, out object? value)
    {
        value = null;
        if (lhs is double a && rhs is double b)
        {
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                return false;
            }

            value = op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => a / b,
                "%" => a % b,
                "<" => Values.Bool(a < b),
                "<=" => Values.Bool(a <= b),
                ">" => Values.Bool(a > b),
                ">=" => Values.Bool(a >= b),
                "=" => Values.Bool(a == b),
                "!=" => Values.Bool(a != b),
                _ => null,
            };
            return value is not null;
        }

        if (lhs is string s && rhs is string t)
        {
            var c = string.CompareOrdinal(s, t);
            value = op switch
            {
                "<" => Values.Bool(c < 0),
                "<=" => Values.Bool(c <= 0),
                ">" => Values.Bool(c > 0),
                ">=" => Values.Bool(c >= 0),
                "=" => Values.Bool(c == 0),
                "!=" => Values.Bool(c != 0),
                "&" => s + t,
                _ => null,
            };
            return value is not null;
        }

        return false;
    }
}
