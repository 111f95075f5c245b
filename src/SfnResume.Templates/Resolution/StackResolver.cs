using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>
/// Resolves intrinsic functions against one stack: parameters, pseudo parameters, mappings, conditions and the
/// names and ARNs of its resources. Everything is worked out on demand and remembered, so only what the
/// deployment reads is resolved; a reference loop is reported rather than followed forever.
/// </summary>
internal sealed partial class StackResolver
{
    /// <summary>What <c>Ref AWS::NoValue</c> resolves to; whoever holds it drops the property or element.</summary>
    public static readonly JsonValue NoValue = JsonValue.Create("AWS::NoValue");

    private readonly Dictionary<string, JsonNode> _parameters;
    private readonly JsonObject? _mappings;
    private readonly JsonObject? _conditions;
    private readonly Dictionary<string, ResourceEntry> _resources;
    private readonly Dictionary<string, ResourceIdentity> _identities = new(StringComparer.Ordinal);
    private readonly List<string> _identitiesInProgress = [];
    private readonly Dictionary<string, bool> _conditionValues = new(StringComparer.Ordinal);
    private readonly List<string> _conditionsInProgress = [];

    public StackResolver(
        StackEnvironment environment,
        Dictionary<string, JsonNode> parameters,
        JsonObject? mappings,
        JsonObject? conditions,
        IReadOnlyList<ResourceEntry> resources)
    {
        Environment = environment;
        _parameters = parameters;
        _mappings = mappings;
        _conditions = conditions;
        _resources = resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
    }

    public StackEnvironment Environment { get; }

    public bool IsResource(string logicalId) => _resources.ContainsKey(logicalId);

    public bool IsParameter(string name) => _parameters.ContainsKey(name);

    public static bool IsPseudoParameter(string name) => name is "AWS::Region" or "AWS::AccountId" or "AWS::Partition"
        or "AWS::StackName" or "AWS::StackId" or "AWS::URLSuffix" or "AWS::NoValue" or "AWS::NotificationARNs";

    /// <summary>Resolves every intrinsic function in <paramref name="node"/> into a new tree. The result may be
    /// <see cref="NoValue"/>.</summary>
    public JsonNode? Resolve(JsonNode? node, TemplatePath path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
            {
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var item = Resolve(array[i], path.Index(i));
                    if (!ReferenceEquals(item, NoValue))
                    {
                        result.Add(item);
                    }
                }

                return result;
            }

            case JsonObject obj:
            {
                if (JsonScalars.TrySingle(obj, out var key, out var argument) && JsonScalars.IsIntrinsicKey(key))
                {
                    return ResolveIntrinsic(key, argument, path);
                }

                var result = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    var resolved = Resolve(value, path.Key(name));
                    if (!ReferenceEquals(resolved, NoValue))
                    {
                        result[name] = resolved;
                    }
                }

                return result;
            }

            default:
                return node.DeepClone();
        }
    }

    /// <summary>Resolves a value that must come out as a string (or be absent).</summary>
    public string? ResolveString(JsonNode? node, TemplatePath path)
    {
        var resolved = Resolve(node, path);
        if (resolved is null || ReferenceEquals(resolved, NoValue))
        {
            return null;
        }

        return JsonScalars.Text(resolved)
            ?? throw TemplateErrors.At(path, $"expected a string but found {Describe(resolved)}.");
    }

    /// <summary>Whether a resource is created: it has no Condition, or its Condition is true.</summary>
    public bool IsCreated(ResourceEntry resource) =>
        resource.Condition is null
        || EvaluateNamedCondition(resource.Condition, TemplatePath.Of("Resources", resource.LogicalId, "Condition"));

    public ResourceIdentity Identity(string logicalId, TemplatePath usedAt)
    {
        if (_identities.TryGetValue(logicalId, out var known))
        {
            return known;
        }

        var resource = _resources[logicalId];
        var loopStart = _identitiesInProgress.IndexOf(logicalId);
        if (loopStart >= 0)
        {
            var loop = string.Join(" -> ", _identitiesInProgress.Skip(loopStart).Append(logicalId));
            throw TemplateErrors.At(usedAt, $"circular reference between resource names: {loop}.");
        }

        _identitiesInProgress.Add(logicalId);
        try
        {
            var propertiesPath = TemplatePath.Of("Resources", logicalId, "Properties");
            var (nameProperty, maxLength, style) = ResourceTypes.Naming(resource.Type);
            var name = nameProperty is null ? null : ResolveString(resource.Properties?[nameProperty], propertiesPath.Key(nameProperty));
            name ??= PhysicalNames.Generate(Environment.StackName, logicalId, maxLength, style);
            var rolePath = resource.Type == ResourceTypes.IamRole
                ? ResolveString(resource.Properties?["Path"], propertiesPath.Key("Path"))
                : null;
            var identity = ResourceTypes.Identify(resource.Type, logicalId, name, rolePath, Environment);
            _identities[logicalId] = identity;
            return identity;
        }
        finally
        {
            _identitiesInProgress.RemoveAt(_identitiesInProgress.Count - 1);
        }
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "a mapping",
        _ => node.ToJsonString(),
    };
}
