using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Asl;

/// <summary>Path fields, payload templates (<c>"key.$"</c>), Assign and JSONata strings.</summary>
internal sealed partial class ValidationPass
{
    private const int MaxVariableNameLength = 80;
    private const string InvalidJsonataExpression = "INVALID_JSONATA_EXPRESSION";

    private static readonly (string Field, PathKind Kind)[] s_pathFields =
    [
        ("InputPath", PathKind.Any), ("OutputPath", PathKind.Any), ("ResultPath", PathKind.ResultReference),
        ("ItemsPath", PathKind.Reference), ("TimeoutSecondsPath", PathKind.Reference), ("HeartbeatSecondsPath", PathKind.Reference),
        ("SecondsPath", PathKind.Reference), ("TimestampPath", PathKind.Reference), ("MaxConcurrencyPath", PathKind.Reference),
        ("ToleratedFailureCountPath", PathKind.Reference), ("ToleratedFailurePercentagePath", PathKind.Reference),
    ];

    private static readonly string[] s_pathOrIntrinsicFields = ["ErrorPath", "CausePath"];

    private static readonly string[] s_jsonPathTemplates = ["Parameters", "ResultSelector", "ItemSelector", "Credentials", "ItemReader", "ResultWriter", "ItemBatcher"];

    private static readonly string[] s_jsonataTemplates =
    [
        "Arguments", "Output", "Items", "ItemSelector", "Credentials", "ItemReader", "ResultWriter", "ItemBatcher",
        "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause", "MaxConcurrency",
        "ToleratedFailureCount", "ToleratedFailurePercentage",
    ];

    private void CheckCommonPaths(StateDefinition state)
    {
        if (state.IsJsonata)
        {
            return;
        }

        var raw = state.Raw;
        foreach (var (field, kind) in s_pathFields)
        {
            if (raw[field] is JsonValue value && IsString(value))
            {
                CheckPath(value.GetValue<string>(), kind, field, state.Pointer);
            }
        }

        foreach (var field in s_pathOrIntrinsicFields)
        {
            if (raw[field] is JsonValue value && IsString(value))
            {
                CheckPathOrIntrinsic(value.GetValue<string>(), field, state.Pointer);
            }
        }
    }

    private void CheckPath(string path, PathKind kind, string field, string location)
    {
        if (_syntax.CheckPath(path, kind) is not null)
        {
            var what = kind == PathKind.Any ? "JSONPath" : "ReferencePath";
            Schema($"The value for the field '{field}' must be a valid {what}", location);
        }
    }

    private void CheckPathOrIntrinsic(string text, string field, string location)
    {
        var error = IntrinsicSyntax.LooksLikeCall(text) ? _syntax.CheckIntrinsic(text) : _syntax.CheckPath(text, PathKind.Any);
        if (error is not null)
        {
            Schema($"The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call", location);
        }
    }

    private void CheckTemplates(StateDefinition state)
    {
        var raw = state.Raw;
        foreach (var field in state.IsJsonata ? s_jsonataTemplates : s_jsonPathTemplates)
        {
            if (raw.TryGetPropertyValue(field, out var node) && node is not null)
            {
                var location = AslLocation.Append(state.Pointer, field);
                if (state.IsJsonata)
                {
                    CheckJsonataTemplate(node, location);
                }
                else
                {
                    CheckPayloadTemplate(node, location);
                }
            }
        }

        CheckAssign(raw["Assign"], state.Pointer, state.IsJsonata);
    }

    /// <summary>JSONPath payload template: every <c>"key.$"</c> holds a path (<c>$</c>, <c>$$</c>, <c>$var</c>) or an intrinsic call.</summary>
    private void CheckPayloadTemplate(JsonNode? node, string location)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        if (value is not JsonValue v || !IsString(v))
                        {
                            Schema($"The value for the field '{key}' must be a STRING", location);
                        }
                        else
                        {
                            CheckPathOrIntrinsic(v.GetValue<string>(), key, location);
                        }
                    }
                    else
                    {
                        CheckPayloadTemplate(value, AslLocation.Append(location, key));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckPayloadTemplate(array[i], location + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                break;
        }
    }

    /// <summary>JSONata template: every <c>{% ... %}</c> string must be well formed.</summary>
    private void CheckJsonataTemplate(JsonNode? node, string location)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    CheckJsonataTemplate(value, AslLocation.Append(location, key));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckJsonataTemplate(array[i], location + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                break;
            case JsonValue value when IsString(value):
                CheckJsonataString(value.GetValue<string>(), location);
                break;
        }
    }

    private void CheckJsonataString(string text, string location)
    {
        var opens = text.StartsWith("{%", StringComparison.Ordinal);
        var closes = text.EndsWith("%}", StringComparison.Ordinal);
        if (opens != closes || (opens && text.Length < 4))
        {
            Report(InvalidJsonataExpression, "A JSONata expression must start with '{%' and end with '%}'", location);
            return;
        }

        if (JsonataText.Inner(text) is { } expression && _syntax.CheckJsonata(expression) is { } error)
        {
            Report(InvalidJsonataExpression, error, location);
        }
    }

    /// <summary>
    /// Assign: an object of variable names (JSONPath: <c>"name.$"</c> for dynamic values) to values.
    /// https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
    /// </summary>
    private void CheckAssign(JsonNode? assign, string parent, bool jsonata)
    {
        if (assign is null)
        {
            return;
        }

        var location = AslLocation.Append(parent, "Assign");
        if (assign is not JsonObject obj)
        {
            Schema("The value for the field 'Assign' must be an OBJECT", location);
            return;
        }

        foreach (var (key, _) in obj)
        {
            var name = !jsonata && key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (name.Length == 0 || name.Length > MaxVariableNameLength || !VariableName().IsMatch(name))
            {
                Schema($"The variable name '{name}' is not valid", location);
            }
        }

        if (jsonata)
        {
            CheckJsonataTemplate(obj, location);
        }
        else
        {
            CheckPayloadTemplate(obj, location);
        }
    }

    private void CheckRule(ChoiceRule rule, bool topLevel, bool jsonata)
    {
        var raw = rule.Raw;
        var location = rule.Pointer;
        if (topLevel && !raw.ContainsKey("Next"))
        {
            Schema("These fields are required: [Next]", location);
        }

        if (!topLevel)
        {
            foreach (var field in new[] { "Next", "Assign", "Output" })
            {
                if (raw.ContainsKey(field))
                {
                    NotSupported(field, location);
                }
            }
        }

        if (raw.ContainsKey("Output"))
        {
            CheckLanguageOf("Output", jsonata, location);
        }

        if (jsonata && raw.ContainsKey("Output"))
        {
            CheckJsonataTemplate(raw["Output"], AslLocation.Append(location, "Output"));
        }

        if (topLevel)
        {
            CheckAssign(raw["Assign"], location, jsonata);
        }

        switch (rule)
        {
            case ConditionRule condition:
                CheckConditionRule(condition, jsonata);
                break;
            case AndRule and:
                CheckNestedRules(rule, "And", and.Rules, jsonata);
                break;
            case OrRule or:
                CheckNestedRules(rule, "Or", or.Rules, jsonata);
                break;
            case NotRule not:
                CheckRule(not.Rule, topLevel: false, jsonata);
                break;
            case ComparisonRule comparison:
                CheckComparison(comparison);
                break;
        }
    }

    private void CheckNestedRules(ChoiceRule rule, string field, IEnumerable<ChoiceRule> rules, bool jsonata)
    {
        if (rule.Raw[field] is JsonArray { Count: 0 })
        {
            Schema("Value cannot be empty", AslLocation.Append(rule.Pointer, field));
        }

        foreach (var inner in rules)
        {
            CheckRule(inner, topLevel: false, jsonata);
        }
    }

    private void CheckConditionRule(ConditionRule rule, bool jsonata)
    {
        var location = rule.Pointer;
        foreach (var (field, _) in rule.Raw)
        {
            if (field is "Condition" or "Variable")
            {
                CheckLanguageOf(field, jsonata, location);
            }
            else if (field is not ("Next" or "Assign" or "Output" or "Comment"))
            {
                NotSupported(field, location);
            }
        }

        if (!jsonata)
        {
            return;
        }

        if (!rule.Raw.ContainsKey("Condition"))
        {
            Schema("These fields are required: [Condition]", location);
            return;
        }

        var condition = rule.Condition;
        var conditionLocation = AslLocation.Append(location, "Condition");
        switch (AslFieldReader.KindOf(condition))
        {
            case JsonValueKind.True or JsonValueKind.False:
                break;
            case JsonValueKind.String:
                CheckJsonataString(condition!.GetValue<string>(), conditionLocation);
                if (rule.Expression is null && JsonataText.Inner(condition.GetValue<string>()) is null)
                {
                    Schema("The value for the field 'Condition' must be a JSONata expression or a BOOLEAN", conditionLocation);
                }

                break;
            default:
                Schema("The value for the field 'Condition' must be a JSONata expression or a BOOLEAN", conditionLocation);
                break;
        }
    }

    private void CheckComparison(ComparisonRule rule)
    {
        var location = rule.Pointer;
        var operators = 0;
        foreach (var (name, _) in rule.Raw)
        {
            if (ChoiceRuleReader.Operators.ContainsKey(name))
            {
                operators++;
            }
            else if (name is not ("Variable" or "Next" or "Assign" or "Output" or "Comment"))
            {
                NotSupported(name, location);
            }
        }

        if (operators > 1)
        {
            Schema("A choice rule must have exactly one comparison operator", location);
        }

        CheckPath(rule.Variable, PathKind.Any, "Variable", location);
        var field = rule.OperatorField;
        var operand = rule.Operand;
        if (rule.OperandIsPath)
        {
            if (!IsString(operand))
            {
                Schema($"The value for the field '{field}' must be a STRING", location);
            }
            else
            {
                CheckPath(operand!.GetValue<string>(), PathKind.Any, field, location);
            }

            return;
        }

        var kind = AslFieldReader.KindOf(operand);
        var (expected, ok) = rule.Operator switch
        {
            >= ComparisonOperator.IsNull => ("BOOLEAN", kind is JsonValueKind.True or JsonValueKind.False),
            ComparisonOperator.BooleanEquals => ("BOOLEAN", kind is JsonValueKind.True or JsonValueKind.False),
            >= ComparisonOperator.NumericEquals and <= ComparisonOperator.NumericGreaterThanEquals => ("NUMBER", kind == JsonValueKind.Number),
            _ => ("STRING", kind == JsonValueKind.String),
        };
        if (!ok)
        {
            Schema($"The value for the field '{field}' must be a {expected}", location);
        }
        else if (rule.Operator is >= ComparisonOperator.TimestampEquals and <= ComparisonOperator.TimestampGreaterThanEquals
            && !Rfc3339.IsValid(operand!.GetValue<string>()))
        {
            Schema("String does not match RFC3339 timestamp", AslLocation.Append(location, field));
        }
    }

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
