using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>A compiled JSONPath Choice rule condition (https://states-language.net/#choice-state).</summary>
internal abstract class Condition
{
    public abstract bool ReadsContext { get; }

    public abstract bool Evaluate(Frame frame, JsonNode? input);

    public static Condition Compile(ChoiceRule rule) => rule switch
    {
        ComparisonRule c => Comparison.Compile(c),
        AndRule a => new AllOf([.. a.Rules.Select(Compile)]),
        OrRule o => new AnyOf([.. o.Rules.Select(Compile)]),
        NotRule n => new Negation(Compile(n.Rule)),
        _ => throw new NotSupportedException("Choice rule at " + rule.Pointer + " is a JSONata condition; this engine runs JSONPath states."),
    };

    private sealed class AllOf(Condition[] parts) : Condition
    {
        public override bool ReadsContext => parts.Any(p => p.ReadsContext);

        public override bool Evaluate(Frame frame, JsonNode? input)
        {
            foreach (var part in parts)
            {
                if (!part.Evaluate(frame, input))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class AnyOf(Condition[] parts) : Condition
    {
        public override bool ReadsContext => parts.Any(p => p.ReadsContext);

        public override bool Evaluate(Frame frame, JsonNode? input)
        {
            foreach (var part in parts)
            {
                if (part.Evaluate(frame, input))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class Negation(Condition inner) : Condition
    {
        public override bool ReadsContext => inner.ReadsContext;

        public override bool Evaluate(Frame frame, JsonNode? input) => !inner.Evaluate(frame, input);
    }
}

/// <summary>
/// <c>Variable</c> plus one operator. A value of the wrong type makes the comparison false (no coercion); a
/// <c>Variable</c> that selects nothing is a <c>States.Runtime</c> error except for <c>IsPresent</c>.
/// </summary>
internal sealed class Comparison : Condition
{
    private readonly JsonPathExpression _variable;
    private readonly ComparisonOperator _operator;
    private readonly JsonPathExpression? _operandPath;
    private readonly JsonNode? _operand;
    private readonly StringMatchPattern? _pattern;
    private readonly bool _readsContext;

    private Comparison(JsonPathExpression variable, ComparisonOperator op, JsonPathExpression? operandPath, JsonNode? operand)
    {
        _variable = variable;
        _operator = op;
        _operandPath = operandPath;
        _operand = operand;
        _readsContext = variable.Root == JsonPathRoot.Context || operandPath?.Root == JsonPathRoot.Context;
        if (op == ComparisonOperator.StringMatches && operandPath is null && JsonNodes.TryGetString(operand, out var pattern))
        {
            _pattern = StringMatchPattern.Compile(pattern);
        }
    }

    public override bool ReadsContext => _readsContext;

    public static Comparison Compile(ComparisonRule rule)
    {
        var variable = JsonPathExpression.Parse(rule.Variable);
        if (rule.OperandIsPath)
        {
            var text = rule.Operand?.GetValue<string>() ?? throw new FormatException("Missing operand path at " + rule.Pointer);
            return new Comparison(variable, rule.Operator, JsonPathExpression.Parse(text), null);
        }

        return new Comparison(variable, rule.Operator, null, rule.Operand?.DeepClone());
    }

    public override bool Evaluate(Frame frame, JsonNode? input)
    {
        var scope = frame.Scope(input, _readsContext);
        var present = _variable.TryEvaluate(scope, out var value);
        if (_operator == ComparisonOperator.IsPresent)
        {
            return present == ExpectedBoolean();
        }

        if (!present)
        {
            throw StatesException.ScopedToState(
                StatesErrorNames.Runtime,
                "Invalid path '" + _variable.Text + "': The choice state's condition path references an invalid value.");
        }

        var operand = _operand;
        if (_operandPath is not null && !_operandPath.TryEvaluate(scope, out operand))
        {
            throw StatesException.ScopedToState(
                StatesErrorNames.Runtime,
                "Invalid path '" + _operandPath.Text + "': The choice state's condition path references an invalid value.");
        }

        return _operator switch
        {
            ComparisonOperator.IsNull => (value is null) == ExpectedBoolean(),
            ComparisonOperator.IsNumeric => ChoiceValues.IsNumber(value) == ExpectedBoolean(),
            ComparisonOperator.IsString => ChoiceValues.IsString(value, out _) == ExpectedBoolean(),
            ComparisonOperator.IsBoolean => ChoiceValues.IsBoolean(value, out _) == ExpectedBoolean(),
            ComparisonOperator.IsTimestamp => (ChoiceValues.IsString(value, out var ts) && AslTimestamp.TryParse(ts, out _)) == ExpectedBoolean(),
            ComparisonOperator.StringMatches => ChoiceValues.IsString(value, out var s) && Matches(s, operand),
            ComparisonOperator.StringEquals => ChoiceValues.CompareStrings(value, operand) is 0,
            ComparisonOperator.StringLessThan => ChoiceValues.CompareStrings(value, operand) is < 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.StringGreaterThan => ChoiceValues.CompareStrings(value, operand) is > 0,
            ComparisonOperator.StringLessThanEquals => ChoiceValues.CompareStrings(value, operand) is <= 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.StringGreaterThanEquals => ChoiceValues.CompareStrings(value, operand) is >= 0,
            ComparisonOperator.NumericEquals => ChoiceValues.CompareNumbers(value, operand) is 0,
            ComparisonOperator.NumericLessThan => ChoiceValues.CompareNumbers(value, operand) is < 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.NumericGreaterThan => ChoiceValues.CompareNumbers(value, operand) is > 0,
            ComparisonOperator.NumericLessThanEquals => ChoiceValues.CompareNumbers(value, operand) is <= 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.NumericGreaterThanEquals => ChoiceValues.CompareNumbers(value, operand) is >= 0,
            ComparisonOperator.BooleanEquals => ChoiceValues.IsBoolean(value, out var b) && ChoiceValues.IsBoolean(operand, out var ob) && b == ob,
            ComparisonOperator.TimestampEquals => ChoiceValues.CompareTimestamps(value, operand) is 0,
            ComparisonOperator.TimestampLessThan => ChoiceValues.CompareTimestamps(value, operand) is < 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.TimestampGreaterThan => ChoiceValues.CompareTimestamps(value, operand) is > 0,
            ComparisonOperator.TimestampLessThanEquals => ChoiceValues.CompareTimestamps(value, operand) is <= 0 and not ChoiceValues.NotComparable,
            ComparisonOperator.TimestampGreaterThanEquals => ChoiceValues.CompareTimestamps(value, operand) is >= 0,
            _ => false,
        };
    }

    private bool ExpectedBoolean() => !ChoiceValues.IsBoolean(_operand, out var expected) || expected;

    private bool Matches(string value, JsonNode? operand)
    {
        if (_pattern is not null)
        {
            return _pattern.IsMatch(value);
        }

        return ChoiceValues.IsString(operand, out var pattern) && StringMatchPattern.Compile(pattern).IsMatch(value);
    }
}

/// <summary>
/// Typed reads for Choice comparisons.
/// </summary>
internal static class ChoiceValues
{
    /// <summary>
    /// Returned by the Compare methods when either side has the wrong type: it is not 0 and not positive, and the
    /// relational tests exclude it explicitly, so every comparison is false.
    /// </summary>
    public const int NotComparable = int.MinValue;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node, out string value) => JsonNodes.TryGetString(node, out value);

    public static bool IsBoolean(JsonNode? node, out bool value)
    {
        if (node is JsonValue v)
        {
            var kind = v.GetValueKind();
            if (kind is JsonValueKind.True or JsonValueKind.False)
            {
                value = kind == JsonValueKind.True;
                return true;
            }
        }

        value = false;
        return false;
    }

    /// <summary>Ordinal comparison (UTF-16 code units, like Java's <c>String.compareTo</c>), clamped to -1/0/1.</summary>
    public static int CompareStrings(JsonNode? left, JsonNode? right)
    {
        if (!IsString(left, out var l) || !IsString(right, out var r))
        {
            return NotComparable;
        }

        return Math.Sign(string.CompareOrdinal(l, r));
    }

    /// <summary>Numbers compare as IEEE doubles, so <c>3</c> equals <c>3.0</c>.</summary>
    public static int CompareNumbers(JsonNode? left, JsonNode? right)
    {
        if (!TryGetNumber(left, out var l) || !TryGetNumber(right, out var r))
        {
            return NotComparable;
        }

        return l.CompareTo(r) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    /// <summary>
    /// A number as a double, reading parsed and computed values directly (intrinsics such as
    /// <c>States.MathAdd</c> produce CLR-backed values; a text round trip would cost more than the comparison).
    /// </summary>
    public static bool TryGetNumber(JsonNode? node, out double value)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue(out JsonElement element))
            {
                if (element.ValueKind == JsonValueKind.Number)
                {
                    value = element.GetDouble();
                    return true;
                }
            }
            else if (v.TryGetValue(out int i))
            {
                value = i;
                return true;
            }
            else if (v.TryGetValue(out long l))
            {
                value = l;
                return true;
            }
            else if (v.TryGetValue(out double d))
            {
                value = d;
                return true;
            }
            else if (v.GetValueKind() == JsonValueKind.Number)
            {
                return JsonNodes.TryGetDouble(v, out value);
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Both sides must be RFC 3339 timestamps; they compare as instants.</summary>
    public static int CompareTimestamps(JsonNode? left, JsonNode? right)
    {
        if (!IsString(left, out var l) || !IsString(right, out var r)
            || !AslTimestamp.TryParse(l, out var lt) || !AslTimestamp.TryParse(r, out var rt))
        {
            return NotComparable;
        }

        return lt.CompareTo(rt) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }
}
