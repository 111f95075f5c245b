using System.Globalization;
using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>
/// Gives each template parameter its value: the override from the command line, else its Default. List types
/// (<c>CommaDelimitedList</c>, <c>List&lt;...&gt;</c>) become arrays, as <c>Ref</c> returns them
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
/// </summary>
internal static class ParameterBinder
{
    public static Dictionary<string, JsonNode> Bind(JsonObject? parameters, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var key in overrides.Keys)
        {
            if (parameters is null || !parameters.ContainsKey(key))
            {
                throw new TemplateException(
                    $"Parameter '{key}' was given a value but the template declares no such parameter.",
                    "/Parameters/" + key);
            }
        }

        if (parameters is null)
        {
            return values;
        }

        foreach (var (name, declaration) in parameters)
        {
            var path = TemplatePath.Of("Parameters", name);
            if (declaration is not JsonObject decl)
            {
                throw TemplateErrors.At(path, "a parameter must be a mapping with at least a Type.");
            }

            var type = decl["Type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : "String";
            string? text = overrides.TryGetValue(name, out var given) ? given : ScalarText(decl["Default"]);
            if (text is null)
            {
                throw new TemplateException(
                    $"Parameter '{name}' has no value: it has no Default, so pass --parameter {name}=VALUE.", path.Pointer);
            }

            if (decl["AllowedValues"] is JsonArray allowed && allowed.Count > 0)
            {
                var allowedTexts = allowed.Select(ScalarText).ToList();
                if (!allowedTexts.Contains(text, StringComparer.Ordinal))
                {
                    throw new TemplateException(
                        $"Parameter '{name}' value '{text}' is not one of its AllowedValues ({string.Join(", ", allowedTexts)}).", path.Pointer);
                }
            }

            if (type == "Number" && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new TemplateException($"Parameter '{name}' value '{text}' is not a Number.", path.Pointer);
            }

            values[name] = IsList(type)
                ? new JsonArray(text.Length == 0 ? [] : text.Split(',').Select(x => (JsonNode?)JsonValue.Create(x.Trim())).ToArray())
                : JsonValue.Create(text);
        }

        return values;
    }

    private static bool IsList(string type) =>
        type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
        || type.StartsWith("AWS::SSM::Parameter::Value<List<", StringComparison.Ordinal)
        || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";

    private static string? ScalarText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
