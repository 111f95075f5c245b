using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Reads <c>Choices</c> into <see cref="ChoiceRule"/> trees (https://states-language.net/#choice-state).</summary>
internal sealed class ChoiceRuleReader(AslFieldReader reader, bool jsonata)
{
    /// <summary>Every comparison field name, with its operator and whether it is the <c>...Path</c> form.</summary>
    public static readonly FrozenDictionary<string, OperatorField> Operators = BuildOperators();

    public ImmutableArray<ChoiceRule> TopLevel(JsonObject state, string pointer)
    {
        var array = reader.Array(state, "Choices", pointer);
        if (array is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ChoiceRule>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var rule = Rule(array[i], AslLocation.Append(pointer, "Choices", i), topLevel: true);
            if (rule is not null)
            {
                result.Add(rule);
            }
        }

        return result.ToImmutable();
    }

    public static bool IsTypeTest(ComparisonOperator op) => op >= ComparisonOperator.IsNull;

    private ChoiceRule? Rule(JsonNode? node, string pointer, bool topLevel)
    {
        if (node is not JsonObject obj)
        {
            reader.Report("The value for the field 'Choices' must be an array of OBJECT", pointer);
            return null;
        }

        var next = topLevel ? reader.String(obj, "Next", pointer) : null;
        var assign = reader.Node(obj, "Assign");
        var output = reader.Node(obj, "Output");
        var comment = reader.String(obj, "Comment", pointer);

        if (jsonata || obj.ContainsKey("Condition"))
        {
            var condition = reader.Node(obj, "Condition");
            var text = AslFieldReader.KindOf(condition) == JsonValueKind.String ? condition!.GetValue<string>() : null;
            return new ConditionRule
            {
                Condition = condition,
                Expression = JsonataText.Inner(text),
                Next = next,
                Assign = assign,
                Output = output,
                Comment = comment,
                Raw = obj,
                Pointer = pointer,
            };
        }

        if (obj.ContainsKey("And") || obj.ContainsKey("Or"))
        {
            var field = obj.ContainsKey("And") ? "And" : "Or";
            var rules = Nested(obj, field, pointer);
            return field == "And"
                ? new AndRule { Rules = rules, Next = next, Assign = assign, Output = output, Comment = comment, Raw = obj, Pointer = pointer }
                : new OrRule { Rules = rules, Next = next, Assign = assign, Output = output, Comment = comment, Raw = obj, Pointer = pointer };
        }

        if (obj.ContainsKey("Not"))
        {
            var inner = Rule(obj["Not"], AslLocation.Append(pointer, "Not"), topLevel: false);
            if (inner is null)
            {
                return null;
            }

            return new NotRule { Rule = inner, Next = next, Assign = assign, Output = output, Comment = comment, Raw = obj, Pointer = pointer };
        }

        var variable = reader.String(obj, "Variable", pointer);
        foreach (var (key, value) in obj)
        {
            if (!Operators.TryGetValue(key, out var op))
            {
                continue;
            }

            if (variable is null)
            {
                if (!obj.ContainsKey("Variable"))
                {
                    reader.Report("These fields are required: [Variable]", pointer);
                }

                return null;
            }

            return new ComparisonRule
            {
                Variable = variable,
                Operator = op.Operator,
                OperandIsPath = op.IsPath,
                Operand = value,
                Next = next,
                Assign = assign,
                Output = output,
                Comment = comment,
                Raw = obj,
                Pointer = pointer,
            };
        }

        reader.Report("A choice rule must have a comparison operator, or one of And, Or, Not", pointer);
        return null;
    }

    private ImmutableArray<ChoiceRule> Nested(JsonObject obj, string field, string pointer)
    {
        var array = reader.Array(obj, field, pointer);
        if (array is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ChoiceRule>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (Rule(array[i], AslLocation.Append(pointer, field, i), topLevel: false) is { } rule)
            {
                result.Add(rule);
            }
        }

        return result.ToImmutable();
    }

    private static FrozenDictionary<string, OperatorField> BuildOperators()
    {
        var map = new Dictionary<string, OperatorField>(StringComparer.Ordinal);
        foreach (ComparisonOperator op in Enum.GetValues(typeof(ComparisonOperator)))
        {
            map[op.ToString()] = new OperatorField(op, IsPath: false);
            if (op != ComparisonOperator.StringMatches && !IsTypeTest(op))
            {
                map[op + "Path"] = new OperatorField(op, IsPath: true);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>
/// A comparison field: its operator and whether it is the <c>...Path</c> form. A class, so the operator table is a
/// dictionary of references, whose code ReadyToRun has precompiled (a value tuple value is compiled at start-up).
/// </summary>
internal sealed record OperatorField(ComparisonOperator Operator, bool IsPath);
