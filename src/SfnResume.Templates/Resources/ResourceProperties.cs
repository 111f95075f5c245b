using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Resources;

/// <summary>Typed, resolved reads of one resource's properties.</summary>
internal sealed class ResourceProperties(ResourceEntry resource, StackResolver stack)
{
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ResourceEntry Resource { get; } = resource;

    public StackResolver Stack { get; } = stack;

    public TemplatePath ResourcePath { get; } = TemplatePath.Of("Resources", resource.LogicalId);

    public TemplatePath PathOf(string property) => ResourcePath.Key("Properties").Key(property);

    public bool Has(string property) => Resource.Properties?.ContainsKey(property) == true;

    public JsonNode? Raw(string property) => Resource.Properties?[property];

    public JsonNode? Node(string property)
    {
        var resolved = Stack.Resolve(Raw(property), PathOf(property));
        return ReferenceEquals(resolved, StackResolver.NoValue) ? null : resolved;
    }

    public string? String(string property) => Stack.ResolveString(Raw(property), PathOf(property));

    public int Int(string property, int fallback)
    {
        var text = String(property);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw TemplateErrors.At(PathOf(property), $"expected a whole number but found '{text}'.");
    }

    public JsonElement? Element(string property)
    {
        if (Node(property) is not { } node)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Compact(node));
        return document.RootElement.Clone();
    }

    public static string Compact(JsonNode node) => node.ToJsonString(s_compact);

    /// <summary>A mapping of strings, e.g. Environment.Variables or SAM Tags.</summary>
    public IReadOnlyDictionary<string, string> StringMap(JsonNode? node, TemplatePath path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }

        if (node is not JsonObject obj)
        {
            throw TemplateErrors.At(path, "expected a mapping of names to strings.");
        }

        foreach (var (key, value) in obj)
        {
            if (value is null)
            {
                continue;
            }

            map[key] = JsonScalars.Text(value) ?? throw TemplateErrors.At(path.Key(key), "expected a string value.");
        }

        return map;
    }

    /// <summary>CloudFormation's <c>[{Key, Value}]</c> tag list.</summary>
    public IReadOnlyList<ResourceTag> TagList(string property)
    {
        var node = Node(property);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            throw TemplateErrors.At(PathOf(property), "expected a list of {Key, Value} tags.");
        }

        return list.Select(tag => tag is JsonObject pair && JsonScalars.Text(pair["Key"]) is { } key
                ? new ResourceTag(key, JsonScalars.Text(pair["Value"]) ?? string.Empty)
                : throw TemplateErrors.At(PathOf(property), "each tag must be a mapping with a Key and a Value."))
            .ToList();
    }

    /// <summary>The ARN of the role SAM creates when a resource names none (<c>LogicalIdRole</c>).</summary>
    public string? ImplicitRoleArn() =>
        Stack.Identity(Resource.LogicalId + "Role", ResourcePath).Attributes.GetValueOrDefault("Arn");
}
