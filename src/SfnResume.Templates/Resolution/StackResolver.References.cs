using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>Ref, Fn::GetAtt and Fn::Sub: the functions that name parameters and resources.</summary>
internal sealed partial class StackResolver
{
    public JsonNode ResolveRef(string name, TemplatePath path)
    {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
        switch (name)
        {
            case "AWS::Region":
                return JsonValue.Create(Environment.Region);
            case "AWS::AccountId":
                return JsonValue.Create(Environment.AccountId);
            case "AWS::Partition":
                return JsonValue.Create(Environment.Partition);
            case "AWS::StackName":
                return JsonValue.Create(Environment.StackName);
            case "AWS::StackId":
                return JsonValue.Create(Environment.StackId);
            case "AWS::URLSuffix":
                return JsonValue.Create(Environment.UrlSuffix);
            case "AWS::NotificationARNs":
                return new JsonArray();
            case "AWS::NoValue":
                return NoValue;
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter.DeepClone();
        }

        if (_resources.ContainsKey(name))
        {
            return JsonValue.Create(CreatedIdentity(name, path).RefValue);
        }

        throw TemplateErrors.At(path, Messages.RefUnknownName(name));
    }

    public string ResolveGetAtt(string logicalId, string attribute, TemplatePath path)
    {
        if (!_resources.TryGetValue(logicalId, out var resource))
        {
            throw TemplateErrors.At(path, Messages.GetAttUnknownResource(logicalId));
        }

        var identity = CreatedIdentity(logicalId, path);
        if (identity.Attributes.TryGetValue(attribute, out var value))
        {
            return value;
        }

        if (identity.KnownType)
        {
            throw TemplateErrors.At(
                path,
                $"Fn::GetAtt asks resource '{logicalId}' ({resource.Type}) for attribute '{attribute}', which it does not have (it has {string.Join(", ", identity.Attributes.Keys)}).");
        }

        return ResourceTypes.Placeholder(identity.PhysicalId, attribute);
    }

    private ResourceIdentity CreatedIdentity(string logicalId, TemplatePath path)
    {
        var resource = _resources[logicalId];
        if (!IsCreated(resource))
        {
            throw TemplateErrors.At(
                path,
                $"refers to resource '{logicalId}', which is not created because its condition '{resource.Condition}' is false.");
        }

        return Identity(logicalId, path);
    }

    private JsonNode ResolveGetAttFunction(JsonNode? argument, TemplatePath path)
    {
        var resolved = Resolve(argument, path);
        string? logicalId = null;
        string? attribute = null;
        if (resolved is JsonArray { Count: 2 } pair)
        {
            logicalId = JsonScalars.Text(pair[0]);
            attribute = JsonScalars.Text(pair[1]);
        }
        else if (JsonScalars.Text(resolved) is { } dotted && dotted.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
        {
            logicalId = dotted[..dot];
            attribute = dotted[(dot + 1)..];
        }

        if (logicalId is null || attribute is null)
        {
            throw TemplateErrors.At(path, "Fn::GetAtt needs [LogicalId, Attribute] or 'LogicalId.Attribute'.");
        }

        return JsonValue.Create(ResolveGetAtt(logicalId, attribute, path));
    }

    /// <summary>
    /// Fn::Sub: <c>${Name}</c> is a variable, parameter, resource or pseudo parameter; <c>${Res.Attr}</c> is
    /// Fn::GetAtt; <c>${!Text}</c> is the literal <c>${Text}</c>
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html).
    /// </summary>
    private JsonNode ResolveSub(JsonNode? argument, TemplatePath path)
    {
        string? template;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (argument is JsonArray list)
        {
            if (list.Count != 2 || list[1] is not JsonObject variableMap)
            {
                throw TemplateErrors.At(path, "Fn::Sub in list form needs [String, {Variable: Value}].");
            }

            template = ResolveString(list[0], path);
            foreach (var (name, value) in variableMap)
            {
                var resolved = Resolve(value, path);
                variables[name] = JsonScalars.Text(resolved)
                    ?? throw TemplateErrors.At(path, $"Fn::Sub variable '{name}' must resolve to a string.");
            }
        }
        else
        {
            template = ResolveString(argument, path);
        }

        if (template is null)
        {
            throw TemplateErrors.At(path, "Fn::Sub needs a string.");
        }

        var output = new StringBuilder(template.Length);
        foreach (var part in SubTemplate.Parse(template))
        {
            if (part.Variable is null)
            {
                output.Append(part.Literal);
            }
            else if (variables.TryGetValue(part.Variable, out var variable))
            {
                output.Append(variable);
            }
            else
            {
                output.Append(ResolveSubVariable(part.Variable, path));
            }
        }

        return JsonValue.Create(output.ToString());
    }

    private string ResolveSubVariable(string name, TemplatePath path)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !IsParameter(name))
        {
            if (!IsResource(name[..dot]))
            {
                throw TemplateErrors.At(path, Messages.SubUnknownResource(name, name[..dot]));
            }

            return ResolveGetAtt(name[..dot], name[(dot + 1)..], path);
        }

        if (!IsParameter(name) && !IsResource(name) && !IsPseudoParameter(name))
        {
            throw TemplateErrors.At(path, Messages.SubUnknownName(name));
        }

        var value = ResolveRef(name, path);
        return JsonScalars.Text(value)
            ?? throw TemplateErrors.At(path, $"Fn::Sub variable '${{{name}}}' is a list; use Fn::Join to make it a string.");
    }
}
