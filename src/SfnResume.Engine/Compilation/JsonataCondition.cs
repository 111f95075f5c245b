using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// A JSONata Choice rule's <c>Condition</c>: a literal boolean, or an expression that must return a boolean
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html).
/// </summary>
internal sealed class JsonataCondition
{
    private readonly JsonataTemplate.Expression? _expression;
    private readonly bool _literal;

    private JsonataCondition(JsonataTemplate.Expression? expression, bool literal)
    {
        _expression = expression;
        _literal = literal;
    }

    public bool ReadsContext => _expression?.ReadsContext ?? false;

    public static JsonataCondition Compile(ChoiceRule rule)
    {
        if (rule is not ConditionRule condition)
        {
            throw new NotSupportedException("Choice rule at " + rule.Pointer + " is a JSONPath rule in a JSONata state.");
        }

        if (condition.Expression is { } text)
        {
            return new JsonataCondition(new JsonataTemplate.Expression(text, "Condition"), false);
        }

        return new JsonataCondition(null, condition.Condition is JsonValue v && v.TryGetValue<bool>(out var b) && b);
    }

    public bool Evaluate(JsonataScope scope) =>
        _expression is null ? _literal : _expression.EvaluateTyped(scope, "boolean")!.GetValue<bool>();
}
