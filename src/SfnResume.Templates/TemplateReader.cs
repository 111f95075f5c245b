using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SfnResume.Templates.Parsing;
using SfnResume.Templates.Resolution;
using SfnResume.Templates.Resources;

namespace SfnResume.Templates;

/// <summary>
/// Reads a CloudFormation or SAM template (YAML or JSON) into what <c>sfn-resume deploy</c> creates: state
/// machines and Node.js Lambda functions, with every intrinsic function, parameter, condition and generated
/// name resolved as CloudFormation would for a stack of the given name.
/// </summary>
public static partial class TemplateReader
{
    private const string ServerlessTransform = "AWS::Serverless-2016-10-31";

    /// <summary>Reads the template file through <see cref="TemplateReadOptions.Files"/>; relative
    /// <c>DefinitionUri</c> and <c>CodeUri</c> paths start from the template's folder.</summary>
    /// <exception cref="TemplateException">The file is missing, or the template cannot be read or deployed.</exception>
    public static TemplateDeployment ReadFile(string templatePath, TemplateReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(templatePath);
        var text = options.Files.TryReadAllText(fullPath)
            ?? throw new TemplateException($"Template file '{templatePath}' does not exist.");
        return Read(text, options with { TemplateDirectory = Path.GetDirectoryName(fullPath) ?? "." });
    }

    /// <summary>A stack name made from the template's file name (<c>ResumeFromState.yaml</c> gives
    /// <c>ResumeFromState</c>), for when none is given: characters a stack name cannot hold become hyphens.</summary>
    public static string DefaultStackName(string templatePath)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        var name = Path.GetFileNameWithoutExtension(templatePath);
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (cleaned.Length == 0 || !char.IsAsciiLetter(cleaned[0]))
        {
            cleaned = "stack-" + cleaned;
        }

        return cleaned.Length > 128 ? cleaned[..128] : cleaned;
    }

    /// <exception cref="TemplateException">The template cannot be read or deployed; the message says why and where.</exception>
    public static TemplateDeployment Read(string templateText, TemplateReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(templateText);
        ArgumentNullException.ThrowIfNull(options);
        if (!StackNamePattern().IsMatch(options.StackName))
        {
            // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html (StackName)
            throw new TemplateException(
                $"Stack name '{options.StackName}' is not valid: it must start with a letter, hold only letters, digits and hyphens, and be at most 128 characters.");
        }

        var root = TemplateTextParser.Parse(templateText, "Template") as JsonObject
            ?? throw new TemplateException("Template is not a mapping of sections (AWSTemplateFormatVersion, Resources, ...).");
        if (root["Resources"] is not JsonObject declared || declared.Count == 0)
        {
            throw new TemplateException("Template has no Resources section; a stack needs at least one resource.", "/Resources");
        }

        var environment = new StackEnvironment(options.StackName, options.Region, options.AccountId);
        var parameters = ParameterBinder.Bind(root["Parameters"] as JsonObject, options.ParameterOverrides);
        var resources = CollectResources(root, declared);
        var stack = new StackResolver(environment, parameters, root["Mappings"] as JsonObject, root["Conditions"] as JsonObject, resources);
        ReferenceCheck.Run(stack, root, resources);

        var stateMachines = new List<StateMachineResource>();
        var functions = new List<LambdaFunctionResource>();
        var summaries = new List<StackResourceSummary>();
        foreach (var resource in resources)
        {
            if (!stack.IsCreated(resource))
            {
                continue;
            }

            var props = new ResourceProperties(resource, stack);
            switch (resource.Type)
            {
                case ResourceTypes.StateMachine:
                    stateMachines.Add(StateMachineReader.ReadCloudFormation(props));
                    break;
                case ResourceTypes.ServerlessStateMachine:
                    stateMachines.Add(StateMachineReader.ReadServerless(props, options));
                    break;
                case ResourceTypes.LambdaFunction:
                    functions.Add(FunctionReader.ReadCloudFormation(props));
                    break;
                case ResourceTypes.ServerlessFunction:
                    functions.Add(FunctionReader.ReadServerless(props, options));
                    break;
            }

            var identity = stack.Identity(resource.LogicalId, TemplatePath.Of("Resources", resource.LogicalId));
            summaries.Add(new StackResourceSummary(resource.LogicalId, resource.Type, identity.PhysicalId));
        }

        return new TemplateDeployment(
            options.StackName,
            environment.StackId,
            options.Region,
            options.AccountId,
            stateMachines,
            functions,
            summaries,
            OutputReader.Read(root["Outputs"] as JsonObject, stack));
    }

    private static List<ResourceEntry> CollectResources(JsonObject root, JsonObject declared)
    {
        var isServerless = root["Transform"] switch
        {
            JsonArray transforms => transforms.Any(t => JsonScalars.Text(t) == ServerlessTransform),
            var single => JsonScalars.Text(single) == ServerlessTransform,
        };
        var globals = root["Globals"] as JsonObject;
        var resources = new List<ResourceEntry>();
        foreach (var (logicalId, node) in declared)
        {
            var path = TemplatePath.Of("Resources", logicalId);
            if (node is not JsonObject declaration || JsonScalars.Text(declaration["Type"]) is not { } type)
            {
                throw TemplateErrors.At(path, "a resource needs a Type.");
            }

            if (type.StartsWith("AWS::Serverless::", StringComparison.Ordinal) && !isServerless)
            {
                throw TemplateErrors.At(path.Key("Type"), $"{type} needs 'Transform: {ServerlessTransform}' at the top of the template.");
            }

            if (declaration["Properties"] is { } properties && properties is not JsonObject)
            {
                throw TemplateErrors.At(path.Key("Properties"), "Properties must be a mapping.");
            }

            var props = declaration["Properties"] as JsonObject;
            if (type == ResourceTypes.ServerlessFunction)
            {
                props = SamGlobals.Apply(globals?["Function"] as JsonObject, props);
            }
            else if (type == ResourceTypes.ServerlessStateMachine)
            {
                props = SamGlobals.Apply(globals?["StateMachine"] as JsonObject, props);
            }

            var condition = JsonScalars.Text(declaration["Condition"]);
            resources.Add(new ResourceEntry(logicalId, type, props, declaration["Metadata"] as JsonObject, condition, Implicit: false));
        }

        AddImplicitResources(declared, resources);
        return resources;
    }

    /// <summary>Adds resources SAM creates without the template declaring them: an execution role named
    /// <c>LogicalIdRole</c> for a function or state machine that names none (templates may refer to it as
    /// <c>!GetAtt MyFunctionRole.Arn</c>), and the implicit APIs.</summary>
    private static void AddImplicitResources(JsonObject declared, List<ResourceEntry> resources)
    {
        foreach (var resource in resources.ToList())
        {
            var needsRole = resource.Type switch
            {
                ResourceTypes.ServerlessFunction => resource.Properties?.ContainsKey("Role") != true,
                ResourceTypes.ServerlessStateMachine => resource.Properties?.ContainsKey("Role") != true
                    && resource.Properties?.ContainsKey("RoleArn") != true,
                _ => false,
            };
            var roleId = resource.LogicalId + "Role";
            if (needsRole && !declared.ContainsKey(roleId))
            {
                resources.Add(new ResourceEntry(roleId, ResourceTypes.IamRole, null, null, resource.Condition, Implicit: true));
            }
        }

        // An Api or HttpApi event without its own API makes SAM create ServerlessRestApi or ServerlessHttpApi,
        // which templates commonly name in Outputs (${ServerlessRestApi}.execute-api...).
        AddImplicitApi(declared, resources, "Api", "RestApiId", "ServerlessRestApi", "AWS::ApiGateway::RestApi");
        AddImplicitApi(declared, resources, "HttpApi", "ApiId", "ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
    }

    private static void AddImplicitApi(
        JsonObject declared, List<ResourceEntry> resources, string eventType, string apiProperty, string logicalId, string type)
    {
        if (declared.ContainsKey(logicalId))
        {
            return;
        }

        var used = resources
            .Where(r => r.Type is ResourceTypes.ServerlessFunction or ResourceTypes.ServerlessStateMachine)
            .SelectMany(r => (r.Properties?["Events"] as JsonObject)?.Select(e => e.Value) ?? [])
            .Any(e => JsonScalars.Text(e?["Type"]) == eventType && e?["Properties"]?[apiProperty] is null);
        if (used)
        {
            resources.Add(new ResourceEntry(logicalId, type, null, null, null, Implicit: true));
        }
    }

    [GeneratedRegex("^[A-Za-z][-A-Za-z0-9]{0,127}$")]
    private static partial Regex StackNamePattern();
}
