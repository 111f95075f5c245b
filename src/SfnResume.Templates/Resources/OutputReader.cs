using System.Text.Json.Nodes;
using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Resources;

/// <summary>Resolves the Outputs section
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html).</summary>
internal static class OutputReader
{
    public static IReadOnlyList<TemplateOutput> Read(JsonObject? outputs, StackResolver stack)
    {
        var result = new List<TemplateOutput>();
        if (outputs is null)
        {
            return result;
        }

        foreach (var (name, node) in outputs)
        {
            var path = TemplatePath.Of("Outputs", name);
            if (node is not JsonObject output || !output.ContainsKey("Value"))
            {
                throw TemplateErrors.At(path, "an output needs a Value.");
            }

            if (JsonScalars.Text(output["Condition"]) is { } condition && !stack.EvaluateNamedCondition(condition, path.Key("Condition")))
            {
                continue;
            }

            var resolved = stack.Resolve(output["Value"], path.Key("Value"));
            if (ReferenceEquals(resolved, StackResolver.NoValue))
            {
                continue;
            }

            var value = resolved switch
            {
                JsonArray list => string.Join(",", list.Select(JsonScalars.Text)),
                var scalar => JsonScalars.Text(scalar)
                    ?? throw TemplateErrors.At(path.Key("Value"), "an output value must be a string or a list of strings."),
            };
            var description = stack.ResolveString(output["Description"], path.Key("Description"));
            var exportName = output["Export"] is JsonObject export
                ? stack.ResolveString(export["Name"], path.Key("Export").Key("Name"))
                : null;
            result.Add(new TemplateOutput(name, value, description, exportName));
        }

        return result;
    }
}
