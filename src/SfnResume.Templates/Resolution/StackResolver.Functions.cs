using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>The dispatch over intrinsic functions and the ones that only compute
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html).</summary>
internal sealed partial class StackResolver
{
    private JsonNode? ResolveIntrinsic(string function, JsonNode? argument, TemplatePath path)
    {
        path = path.Frozen();
        switch (function)
        {
            case "Ref":
            {
                var name = ResolveString(argument, path) ?? throw TemplateErrors.At(path, "Ref needs a name.");
                return ResolveRef(name, path);
            }

            case "Fn::GetAtt":
                return ResolveGetAttFunction(argument, path);
            case "Fn::Sub":
                return ResolveSub(argument, path);
            case "Fn::Join":
                return Join(argument, path);
            case "Fn::Select":
                return Select(argument, path);
            case "Fn::Split":
                return Split(argument, path);
            case "Fn::If":
                return If(argument, path);
            case "Fn::Equals" or "Fn::Not" or "Fn::And" or "Fn::Or":
                return JsonValue.Create(EvaluateCondition(new JsonObject { [function] = argument?.DeepClone() }, path));
            case "Fn::FindInMap":
                return FindInMap(argument, path);
            case "Fn::Base64":
            {
                var text = ResolveString(argument, path) ?? throw TemplateErrors.At(path, "Fn::Base64 needs a string.");
                return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
            }

            case "Fn::GetAZs":
            {
                // The local stack has three Availability Zones in every Region.
                var region = ResolveString(argument, path);
                region = string.IsNullOrEmpty(region) ? Environment.Region : region;
                return new JsonArray(JsonValue.Create(region + "a"), JsonValue.Create(region + "b"), JsonValue.Create(region + "c"));
            }

            case "Fn::Length":
                return Resolve(argument, path) is JsonArray items
                    ? JsonValue.Create(items.Count)
                    : throw TemplateErrors.At(path, "Fn::Length needs a list.");
            case "Fn::ToJsonString":
                return JsonValue.Create(Resolve(argument, path)?.ToJsonString() ?? "null");
            case "Fn::ImportValue":
                throw TemplateErrors.At(path, "Fn::ImportValue (!ImportValue) is not supported: the local engine has no other stacks to import from; use a parameter instead.");
            case "Fn::Cidr":
                throw TemplateErrors.At(path, "Fn::Cidr (!Cidr) is not supported by the local engine.");
            case "Fn::Transform":
                throw TemplateErrors.At(path, "Fn::Transform (!Transform) is not supported: macros run only in CloudFormation.");
            default:
                throw TemplateErrors.At(path, $"unknown intrinsic function '{function}'.");
        }
    }

    private JsonArray Arguments(string function, JsonNode? argument, int count, TemplatePath path)
    {
        if (argument is not JsonArray list || list.Count != count)
        {
            throw TemplateErrors.At(path, $"{function} needs a list of {count} arguments.");
        }

        return list;
    }

    private JsonArray ResolveList(string function, JsonNode? node, TemplatePath path) =>
        Resolve(node, path) as JsonArray ?? throw TemplateErrors.At(path, $"{function} needs a list.");

    private JsonValue Join(JsonNode? argument, TemplatePath path)
    {
        var args = Arguments("Fn::Join", argument, 2, path);
        var delimiter = ResolveString(args[0], path) ?? string.Empty;
        var items = ResolveList("Fn::Join", args[1], path).Select(item =>
            JsonScalars.Text(item) ?? throw TemplateErrors.At(path, "Fn::Join can only join strings."));
        return JsonValue.Create(string.Join(delimiter, items));
    }

    private JsonNode? Select(JsonNode? argument, TemplatePath path)
    {
        var args = Arguments("Fn::Select", argument, 2, path);
        var indexText = ResolveString(args[0], path);
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw TemplateErrors.At(path, $"Fn::Select index '{indexText}' is not a whole number.");
        }

        var items = ResolveList("Fn::Select", args[1], path);
        if (index >= items.Count)
        {
            throw TemplateErrors.At(path, $"Fn::Select index {index} is past the end of a list of {items.Count}.");
        }

        return items[index]?.DeepClone();
    }

    private JsonArray Split(JsonNode? argument, TemplatePath path)
    {
        var args = Arguments("Fn::Split", argument, 2, path);
        var delimiter = ResolveString(args[0], path);
        var source = ResolveString(args[1], path) ?? string.Empty;
        if (string.IsNullOrEmpty(delimiter))
        {
            throw TemplateErrors.At(path, "Fn::Split needs a non-empty delimiter.");
        }

        return new JsonArray(source.Split(delimiter).Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
    }

    private JsonNode? If(JsonNode? argument, TemplatePath path)
    {
        var args = Arguments("Fn::If", argument, 3, path);
        var condition = JsonScalars.Text(args[0]) ?? throw TemplateErrors.At(path, "Fn::If needs a condition name first.");
        return Resolve(EvaluateNamedCondition(condition, path) ? args[1] : args[2], path);
    }

    private JsonNode? FindInMap(JsonNode? argument, TemplatePath path)
    {
        var args = Arguments("Fn::FindInMap", argument, 3, path);
        var mapName = ResolveString(args[0], path);
        var topKey = ResolveString(args[1], path);
        var secondKey = ResolveString(args[2], path);
        if (mapName is null || _mappings?[mapName] is not JsonObject map)
        {
            throw TemplateErrors.At(path, $"Fn::FindInMap refers to mapping '{mapName}', which is not in Mappings.");
        }

        if (topKey is null || map[topKey] is not JsonObject second)
        {
            throw TemplateErrors.At(path, $"Fn::FindInMap: mapping '{mapName}' has no key '{topKey}'.");
        }

        if (secondKey is null || !second.TryGetPropertyValue(secondKey, out var value))
        {
            throw TemplateErrors.At(path, $"Fn::FindInMap: mapping '{mapName}' key '{topKey}' has no '{secondKey}'.");
        }

        return value?.DeepClone();
    }
}
