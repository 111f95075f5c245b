using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>
/// Checks, before anything is resolved, that every Ref, Fn::GetAtt, Fn::Sub variable and DependsOn names
/// something the template defines, and that resources do not depend on each other in a loop. CloudFormation
/// rejects such templates whole ("Unresolved resource dependencies", "Circular dependency between resources"),
/// even where the reference sits in a branch that would not be taken.
/// </summary>
internal sealed class ReferenceCheck
{
    private readonly StackResolver _stack;
    private readonly Dictionary<string, SortedSet<string>> _dependsOn = new(StringComparer.Ordinal);

    private ReferenceCheck(StackResolver stack) => _stack = stack;

    public static void Run(StackResolver stack, JsonObject root, IReadOnlyList<ResourceEntry> resources)
    {
        var check = new ReferenceCheck(stack);
        foreach (var resource in resources)
        {
            var edges = new SortedSet<string>(StringComparer.Ordinal);
            check._dependsOn[resource.LogicalId] = edges;
            if (root["Resources"]?[resource.LogicalId] is not JsonObject declaration)
            {
                continue;
            }

            var path = TemplatePath.Of("Resources", resource.LogicalId);
            check.Walk(declaration["Properties"], path.Key("Properties"), edges);
            check.DependsOn(declaration["DependsOn"], path.Key("DependsOn"), edges);
        }

        if (root["Outputs"] is JsonObject outputs)
        {
            foreach (var (name, output) in outputs)
            {
                check.Walk(output, TemplatePath.Of("Outputs", name), null);
            }
        }

        if (root["Globals"] is JsonObject globals)
        {
            check.Walk(globals, TemplatePath.Of("Globals"), null);
        }

        check.FindCycle(resources);
    }

    private void DependsOn(JsonNode? node, TemplatePath path, SortedSet<string> edges)
    {
        var names = node switch
        {
            JsonArray list => list.Select(JsonScalars.Text),
            null => [],
            _ => [JsonScalars.Text(node)],
        };
        foreach (var name in names)
        {
            if (name is null || !_stack.IsResource(name))
            {
                throw TemplateErrors.At(path, Messages.DependsOnUnknownResource(name ?? "null"));
            }

            edges.Add(name);
        }
    }

    private void Walk(JsonNode? node, TemplatePath path, SortedSet<string>? edges)
    {
        switch (node)
        {
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], path.Index(i), edges);
                }

                break;
            case JsonObject obj when JsonScalars.TrySingle(obj, out var key, out var argument) && JsonScalars.IsIntrinsicKey(key):
                CheckIntrinsic(key, argument, path, edges);
                Walk(argument, path.Frozen(), edges);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Key(key), edges);
                }

                break;
        }
    }

    private void CheckIntrinsic(string key, JsonNode? argument, TemplatePath path, SortedSet<string>? edges)
    {
        switch (key)
        {
            case "Ref" when JsonScalars.Text(argument) is { } name:
                if (_stack.IsResource(name))
                {
                    edges?.Add(name);
                }
                else if (!_stack.IsParameter(name) && !StackResolver.IsPseudoParameter(name))
                {
                    throw TemplateErrors.At(path, Messages.RefUnknownName(name));
                }

                break;
            case "Fn::GetAtt":
            {
                var logicalId = argument switch
                {
                    JsonArray { Count: > 0 } list => JsonScalars.Text(list[0]),
                    JsonValue => JsonScalars.Text(argument)?.Split('.')[0],
                    _ => null,
                };
                if (logicalId is null)
                {
                    break;
                }

                if (!_stack.IsResource(logicalId))
                {
                    throw TemplateErrors.At(path, Messages.GetAttUnknownResource(logicalId));
                }

                edges?.Add(logicalId);
                break;
            }

            case "Fn::Sub":
                CheckSub(argument, path, edges);
                break;
        }
    }

    private void CheckSub(JsonNode? argument, TemplatePath path, SortedSet<string>? edges)
    {
        var template = JsonScalars.Text(argument is JsonArray { Count: > 0 } list ? list[0] : argument);
        if (template is null)
        {
            return;
        }

        var variables = argument is JsonArray { Count: 2 } pair && pair[1] is JsonObject map
            ? map.Select(x => x.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var name in SubTemplate.Variables(template))
        {
            if (variables.Contains(name) || _stack.IsParameter(name) || StackResolver.IsPseudoParameter(name))
            {
                continue;
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var logicalId = dot > 0 ? name[..dot] : name;
            if (!_stack.IsResource(logicalId))
            {
                throw TemplateErrors.At(path, dot > 0 ? Messages.SubUnknownResource(name, logicalId) : Messages.SubUnknownName(name));
            }

            edges?.Add(logicalId);
        }
    }

    private void FindCycle(IReadOnlyList<ResourceEntry> resources)
    {
        // Depth-first search with three colours; a grey node reached again closes a loop.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var trail = new List<string>();
        foreach (var resource in resources)
        {
            Visit(resource.LogicalId, state, trail);
        }
    }

    private void Visit(string id, Dictionary<string, int> state, List<string> trail)
    {
        if (state.TryGetValue(id, out var colour))
        {
            if (colour == 1)
            {
                var loop = trail.Skip(trail.IndexOf(id)).Append(id);
                throw TemplateErrors.At(
                    TemplatePath.Of("Resources", id),
                    $"circular dependency between resources: {string.Join(" -> ", loop)}.");
            }

            return;
        }

        state[id] = 1;
        trail.Add(id);
        foreach (var next in _dependsOn.GetValueOrDefault(id) ?? [])
        {
            Visit(next, state, trail);
        }

        trail.RemoveAt(trail.Count - 1);
        state[id] = 2;
    }
}
