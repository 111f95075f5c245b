using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>Conditions and the condition functions
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html).</summary>
internal sealed partial class StackResolver
{
    public bool EvaluateNamedCondition(string name, TemplatePath usedAt)
    {
        if (_conditionValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_conditions?[name] is not { } definition)
        {
            throw TemplateErrors.At(usedAt, $"refers to condition '{name}', which is not defined in Conditions.");
        }

        var loopStart = _conditionsInProgress.IndexOf(name);
        if (loopStart >= 0)
        {
            var loop = string.Join(" -> ", _conditionsInProgress.Skip(loopStart).Append(name));
            throw TemplateErrors.At(TemplatePath.Of("Conditions", name), $"circular reference between conditions: {loop}.");
        }

        _conditionsInProgress.Add(name);
        try
        {
            var value = EvaluateCondition(definition, TemplatePath.Of("Conditions", name));
            _conditionValues[name] = value;
            return value;
        }
        finally
        {
            _conditionsInProgress.RemoveAt(_conditionsInProgress.Count - 1);
        }
    }

    public bool EvaluateCondition(JsonNode? node, TemplatePath path)
    {
        if (node is JsonObject obj && JsonScalars.TrySingle(obj, out var function, out var argument))
        {
            switch (function)
            {
                case "Fn::Equals":
                {
                    var args = Arguments("Fn::Equals", argument, 2, path);
                    return string.Equals(Comparable(Resolve(args[0], path)), Comparable(Resolve(args[1], path)), StringComparison.Ordinal);
                }

                case "Fn::Not":
                    return !EvaluateCondition(Arguments("Fn::Not", argument, 1, path)[0], path);
                case "Fn::And" or "Fn::Or":
                {
                    if (argument is not JsonArray { Count: >= 2 and <= 10 } operands)
                    {
                        throw TemplateErrors.At(path, $"{function} needs a list of 2 to 10 conditions.");
                    }

                    var values = operands.Select(operand => EvaluateCondition(operand, path)).ToList();
                    return function == "Fn::And" ? values.TrueForAll(v => v) : values.Exists(v => v);
                }

                case "Condition":
                    return EvaluateNamedCondition(
                        JsonScalars.Text(argument) ?? throw TemplateErrors.At(path, "Condition needs a condition name."), path);
            }
        }

        var resolved = Resolve(node, path);
        return JsonScalars.Text(resolved) switch
        {
            "true" => true,
            "false" => false,
            _ => throw TemplateErrors.At(path, "expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition)."),
        };
    }

    // Fn::Equals compares values as CloudFormation holds them: as strings.
    private static string Comparable(JsonNode? node) =>
        ReferenceEquals(node, NoValue) ? string.Empty : JsonScalars.Text(node) ?? node?.ToJsonString() ?? "null";
}
