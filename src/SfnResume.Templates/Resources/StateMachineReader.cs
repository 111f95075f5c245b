using System.Text.Json.Nodes;
using SfnResume.Templates.Parsing;
using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Resources;

/// <summary>
/// Reads <c>AWS::StepFunctions::StateMachine</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html)
/// and <c>AWS::Serverless::StateMachine</c>
/// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html).
/// </summary>
internal static class StateMachineReader
{
    public static StateMachineResource ReadCloudFormation(ResourceProperties props)
    {
        if (props.Has("DefinitionS3Location"))
        {
            throw TemplateErrors.At(
                props.PathOf("DefinitionS3Location"),
                "DefinitionS3Location is not supported: the local engine cannot read from S3; put the definition in DefinitionString or Definition.");
        }

        string definition;
        if (props.Has("DefinitionString"))
        {
            definition = props.String("DefinitionString")
                ?? throw TemplateErrors.At(props.PathOf("DefinitionString"), "DefinitionString is empty.");
        }
        else if (props.Has("Definition"))
        {
            definition = ObjectDefinition(props);
        }
        else
        {
            throw TemplateErrors.At(props.ResourcePath, "a state machine needs DefinitionString, Definition or DefinitionS3Location.");
        }

        return Build(
            props,
            definition,
            props.String("StateMachineType"),
            props.String("RoleArn"),
            props.TagList("Tags"),
            "LoggingConfiguration",
            "TracingConfiguration");
    }

    public static StateMachineResource ReadServerless(ResourceProperties props, TemplateReadOptions options)
    {
        string definition;
        if (props.Has("Definition"))
        {
            definition = ObjectDefinition(props);
        }
        else if (props.Has("DefinitionUri"))
        {
            definition = FileDefinition(props, options);
        }
        else
        {
            throw TemplateErrors.At(props.ResourcePath, "a state machine needs Definition or DefinitionUri.");
        }

        var role = props.String("Role") ?? props.String("RoleArn") ?? props.ImplicitRoleArn();

        // SAM tags every state machine it creates with stateMachine:createdBy=SAM.
        var tags = props.StringMap(props.Node("Tags"), props.PathOf("Tags"))
            .Select(tag => new ResourceTag(tag.Key, tag.Value))
            .Prepend(new ResourceTag("stateMachine:createdBy", "SAM"))
            .ToList();
        return Build(props, definition, props.String("Type"), role, tags, "Logging", "Tracing");
    }

    private static StateMachineResource Build(
        ResourceProperties props,
        string definition,
        string? type,
        string? roleArn,
        IReadOnlyList<ResourceTag> tags,
        string loggingProperty,
        string tracingProperty)
    {
        type ??= "STANDARD";
        if (type is not ("STANDARD" or "EXPRESS"))
        {
            throw TemplateErrors.At(props.PathOf(props.Has("Type") ? "Type" : "StateMachineType"), $"state machine type '{type}' is not STANDARD or EXPRESS.");
        }

        var identity = props.Stack.Identity(props.Resource.LogicalId, props.ResourcePath);
        return new StateMachineResource(
            props.Resource.LogicalId,
            props.Resource.Type,
            identity.Attributes["Name"],
            identity.Attributes["Arn"],
            type,
            Substitute(definition, props),
            roleArn,
            tags,
            props.Element(loggingProperty),
            props.Element(tracingProperty));
    }

    private static string ObjectDefinition(ResourceProperties props) =>
        props.Node("Definition") is JsonObject definition
            ? ResourceProperties.Compact(definition)
            : throw TemplateErrors.At(props.PathOf("Definition"), "Definition must be a mapping (the state machine's JSON as YAML).");

    /// <summary>A local definition file. SAM reads it as is: intrinsic functions inside it are not resolved, only
    /// DefinitionSubstitutions apply.</summary>
    private static string FileDefinition(ResourceProperties props, TemplateReadOptions options)
    {
        var path = props.PathOf("DefinitionUri");
        var uri = props.Node("DefinitionUri") switch
        {
            JsonValue value when JsonScalars.Text(value) is { } local && !local.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) => local,
            _ => throw TemplateErrors.At(path, "DefinitionUri in S3 is not supported: the local engine reads only local definition files."),
        };
        var fullPath = Path.GetFullPath(Path.Combine(options.TemplateDirectory, uri));
        var text = options.Files.TryReadAllText(fullPath)
            ?? throw TemplateErrors.At(path, $"definition file '{uri}' does not exist (looked for {fullPath}).");
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '{')
        {
            return text;
        }

        var node = TemplateTextParser.Parse(text, $"Definition file '{uri}'");
        return node is JsonObject definition
            ? ResourceProperties.Compact(definition)
            : throw TemplateErrors.At(path, $"definition file '{uri}' does not hold a JSON or YAML mapping.");
    }

    /// <summary>DefinitionSubstitutions replace <c>${Key}</c> in the definition text; other <c>${...}</c> stay.</summary>
    private static string Substitute(string definition, ResourceProperties props)
    {
        var path = props.PathOf("DefinitionSubstitutions");
        var substitutions = props.StringMap(props.Node("DefinitionSubstitutions"), path);
        foreach (var (key, value) in substitutions)
        {
            definition = definition.Replace("${" + key + "}", value, StringComparison.Ordinal);
        }

        return definition;
    }
}
