using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Core.Graph;

/// <summary>
/// Short edge labels for Choice rules: <c>$.i &lt; $.limit</c>, <c>$.kind == "gift"</c>, the JSONata condition.
/// Too long a condition falls back to the rule's number, so edges stay readable.
/// </summary>
internal static class ChoiceLabels
{
    private const int MaxLength = 40;

    private static readonly JsonSerializerOptions s_literal = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="index">The rule's position in <c>Choices</c>, from 1.</param>
    public static string Of(ChoiceRule rule, int index)
    {
        var text = Condition(rule).ReplaceLineEndings(" ").Trim();
        return text.Length is > 0 and <= MaxLength ? text : $"rule {index}";
    }

    private static string Condition(ChoiceRule rule) => rule switch
    {
        ComparisonRule c => Comparison(c),
        AndRule a => string.Join(" and ", a.Rules.Select(Nested)),
        OrRule o => string.Join(" or ", o.Rules.Select(Nested)),
        NotRule n => "not " + Nested(n.Rule),
        ConditionRule { Expression: { } e } => e.Trim(),
        ConditionRule c => Literal(c.Condition),
        _ => "",
    };

    private static string Nested(ChoiceRule rule) =>
        rule is AndRule or OrRule ? $"({Condition(rule)})" : Condition(rule);

    private static string Comparison(ComparisonRule c)
    {
        var operand = c.OperandIsPath ? c.Operand?.GetValue<string>() ?? "" : Literal(c.Operand);
        return c.Operator switch
        {
            ComparisonOperator.StringEquals or ComparisonOperator.NumericEquals or ComparisonOperator.BooleanEquals
                or ComparisonOperator.TimestampEquals => $"{c.Variable} == {operand}",
            ComparisonOperator.StringLessThan or ComparisonOperator.NumericLessThan
                or ComparisonOperator.TimestampLessThan => $"{c.Variable} < {operand}",
            ComparisonOperator.StringGreaterThan or ComparisonOperator.NumericGreaterThan
                or ComparisonOperator.TimestampGreaterThan => $"{c.Variable} > {operand}",
            ComparisonOperator.StringLessThanEquals or ComparisonOperator.NumericLessThanEquals
                or ComparisonOperator.TimestampLessThanEquals => $"{c.Variable} <= {operand}",
            ComparisonOperator.StringGreaterThanEquals or ComparisonOperator.NumericGreaterThanEquals
                or ComparisonOperator.TimestampGreaterThanEquals => $"{c.Variable} >= {operand}",
            ComparisonOperator.StringMatches => $"{c.Variable} matches {operand}",
            // IsPresent, IsNull, IsNumeric ...: "$.x is present", "$.x is not null".
            _ => TypeTest(c, operand),
        };
    }

    private static string TypeTest(ComparisonRule c, string operand)
    {
        var what = c.Operator.ToString()[2..].ToLowerInvariant();
        return operand == "false" ? $"{c.Variable} is not {what}" : $"{c.Variable} is {what}";
    }

    private static string Literal(JsonNode? node) =>
        node is null ? "null" : node.ToJsonString(s_literal);
}
