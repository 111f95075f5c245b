using SfnResume.Api.Contracts;
using SfnResume.Core.Asl;

namespace SfnResume.Api.Validation;

/// <summary>
/// Checks a request as far as it can be checked without state, in AWS's order: model constraints first (required
/// members, lengths, ranges, enums: one ValidationException listing them all), then the operation's own checks
/// (ARN forms, names, input JSON, definition). Throws <see cref="SfnServiceException"/> with AWS's type and message.
/// Limits are those of the service model (api-protocol.md section 2).
/// </summary>
public static partial class RequestValidator
{
    private const int ArnMax = 256;
    private const int LongArnMax = 2000;
    private const int DefinitionMax = 1_048_576;
    private const int DataMax = 262_144;
    private const int PageTokenMax = 1024;
    private const int ListExecutionsPageTokenMax = 3096;
    private const int PageSizeMax = 1000;

    public static void Validate(CreateStateMachineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        c.Required(request.Name, "name");
        c.Length(request.Name, "name", 1, ResourceNames.MaxLength);
        c.Required(request.Definition, "definition");
        c.Length(request.Definition, "definition", 1, DefinitionMax, sensitive: true);
        c.Required(request.RoleArn, "roleArn");
        c.Length(request.RoleArn, "roleArn", 1, ArnMax);
        c.Enum(request.Type, "type", StateMachineType.AllValues);
        c.Length(request.VersionDescription, "versionDescription", 0, 256, sensitive: true);
        CheckLogging(c, request.LoggingConfiguration);
        CheckTags(c, request.Tags, "tags");
        CheckEncryption(c, request.EncryptionConfiguration);
        c.ThrowIfAny();

        CheckVersionDescription(request.Publish, request.VersionDescription);
        ResourceNames.EnsureValidCharacters(request.Name!);
        CheckRoleArn(request.RoleArn!);
        CheckLoggingDestinations(request.LoggingConfiguration);
        ValidateDefinition(request.Definition!, request.Type);
        CheckTagCount(request.Tags, null);
    }

    public static void Validate(DescribeStateMachineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.StateMachineArn, "stateMachineArn");
        c.Enum(request.IncludedData, "includedData", IncludedData.AllValues);
        c.ThrowIfAny();
        Arns.ParseStateMachine(request.StateMachineArn!);
    }

    public static void Validate(UpdateStateMachineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.StateMachineArn, "stateMachineArn");
        c.Length(request.Definition, "definition", 1, DefinitionMax, sensitive: true);
        c.Length(request.RoleArn, "roleArn", 1, ArnMax);
        c.Length(request.VersionDescription, "versionDescription", 0, 256, sensitive: true);
        CheckLogging(c, request.LoggingConfiguration);
        CheckEncryption(c, request.EncryptionConfiguration);
        c.ThrowIfAny();

        Arns.ParseStateMachine(request.StateMachineArn!);
        if (request.Definition is null && request.RoleArn is null && request.LoggingConfiguration is null
            && request.TracingConfiguration is null)
        {
            throw SfnServiceException.MissingRequiredParameter();
        }

        CheckVersionDescription(request.Publish, request.VersionDescription);
        if (request.RoleArn is not null)
        {
            CheckRoleArn(request.RoleArn);
        }

        CheckLoggingDestinations(request.LoggingConfiguration);
        if (request.Definition is not null)
        {
            ValidateDefinition(request.Definition, null);
        }
    }

    public static void Validate(DeleteStateMachineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.StateMachineArn, "stateMachineArn");
        c.ThrowIfAny();
        Arns.ParseStateMachine(request.StateMachineArn!);
    }

    public static void Validate(ListStateMachinesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        c.Range(request.MaxResults, "maxResults", 0, PageSizeMax);
        c.Length(request.NextToken, "nextToken", 1, PageTokenMax);
        c.ThrowIfAny();
    }

    public static void Validate(StartExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        CheckStart(c, request.StateMachineArn, request.Name, request.Input, request.TraceHeader);
        c.ThrowIfAny();
        CheckStartSemantics(request.StateMachineArn!, request.Name, request.Input);
    }

    public static void Validate(StartSyncExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        CheckStart(c, request.StateMachineArn, request.Name, request.Input, request.TraceHeader);
        c.Enum(request.IncludedData, "includedData", IncludedData.AllValues);
        c.ThrowIfAny();
        CheckStartSemantics(request.StateMachineArn!, request.Name, request.Input);
    }

    public static void Validate(DescribeExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ExecutionArn, "executionArn");
        c.Enum(request.IncludedData, "includedData", IncludedData.AllValues);
        c.ThrowIfAny();
        Arns.ParseExecution(request.ExecutionArn!);
    }

    public static void Validate(DescribeStateMachineForExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ExecutionArn, "executionArn");
        c.Enum(request.IncludedData, "includedData", IncludedData.AllValues);
        c.ThrowIfAny();
        Arns.ParseExecution(request.ExecutionArn!);
    }

    public static void Validate(StopExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ExecutionArn, "executionArn");
        c.Length(request.Error, "error", 0, 256, sensitive: true);
        c.Length(request.Cause, "cause", 0, 32_768, sensitive: true);
        c.ThrowIfAny();
        Arns.ParseExecution(request.ExecutionArn!);
    }

    public static void Validate(ListExecutionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        c.Length(request.StateMachineArn, "stateMachineArn", 1, ArnMax);
        c.Enum(request.StatusFilter, "statusFilter", ExecutionStatuses.AllValues);
        c.Range(request.MaxResults, "maxResults", 0, PageSizeMax);
        c.Length(request.NextToken, "nextToken", 1, ListExecutionsPageTokenMax);
        c.Length(request.MapRunArn, "mapRunArn", 1, LongArnMax);
        c.Enum(request.RedriveFilter, "redriveFilter", RedriveFilter.AllValues);
        c.ThrowIfAny();

        // Wording of the next three is unconfirmed; the rules are the API reference's.
        if (request.StateMachineArn is null == request.MapRunArn is null)
        {
            throw SfnServiceException.ValidationMessage("Must provide exactly one of StateMachineArn and MapRunArn");
        }

        if (request.StateMachineArn is not null)
        {
            Arns.ParseStateMachine(request.StateMachineArn);
            if (request.StatusFilter == ExecutionStatuses.PendingRedrive)
            {
                throw SfnServiceException.ValidationMessage("PENDING_REDRIVE status filter requires a MapRunArn");
            }
        }
        else
        {
            Arns.ParseMapRun(request.MapRunArn!);
        }
    }

    public static void Validate(GetExecutionHistoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ExecutionArn, "executionArn");
        c.Range(request.MaxResults, "maxResults", 0, PageSizeMax);
        c.Length(request.NextToken, "nextToken", 1, PageTokenMax);
        c.ThrowIfAny();
        Arns.ParseExecution(request.ExecutionArn!);
    }

    public static void Validate(RedriveExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ExecutionArn, "executionArn");
        c.Length(request.ClientToken, "clientToken", 1, 64);
        c.Pattern(request.ClientToken, "clientToken", t => t.All(ch => ch is >= '!' and <= '~'), "[!-~]+");
        c.ThrowIfAny();
        Arns.ParseExecution(request.ExecutionArn!);
    }

    public static void Validate(ValidateStateMachineDefinitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        c.Required(request.Definition, "definition");
        c.Length(request.Definition, "definition", 1, DefinitionMax, sensitive: true);
        c.Enum(request.Type, "type", StateMachineType.AllValues);
        c.Enum(request.Severity, "severity", ValidationSeverity.AllValues);
        c.Range(request.MaxResults, "maxResults", 0, 100);
        c.ThrowIfAny();
    }

    public static void Validate(TagResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ResourceArn, "resourceArn");
        c.Required(request.Tags, "tags");
        CheckTags(c, request.Tags, "tags");
        c.ThrowIfAny();
        Arns.ParseTaggable(request.ResourceArn!);
        CheckTagCount(request.Tags, request.ResourceArn);
    }

    public static void Validate(UntagResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ResourceArn, "resourceArn");
        c.Required(request.TagKeys, "tagKeys");
        if (request.TagKeys is { } keys)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                c.Required(keys[i], $"tagKeys.{i + 1}.member");
                c.Length(keys[i], $"tagKeys.{i + 1}.member", 1, 128);
            }
        }

        c.ThrowIfAny();
        Arns.ParseTaggable(request.ResourceArn!);
    }

    public static void Validate(ListTagsForResourceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = new ConstraintChecker();
        RequiredArn(c, request.ResourceArn, "resourceArn");
        c.ThrowIfAny();
        Arns.ParseTaggable(request.ResourceArn!);
    }

    /// <summary>Parses and validates a definition for a machine of <paramref name="type"/>; InvalidDefinition when it has errors.</summary>
    public static StateMachineDefinition ValidateDefinition(string definition, string? type)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = new AslValidationOptions
        {
            Kind = type == StateMachineType.Express ? StateMachineKind.Express : StateMachineKind.Standard,
        };
        var parsed = AslParser.Parse(definition, options);
        return parsed.IsValid ? parsed.Definition! : throw SfnServiceException.InvalidDefinition(parsed.Errors);
    }

    /// <summary>InvalidExecutionInput when <paramref name="input"/> is not JSON (null means the default <c>{}</c>).</summary>
    public static void ValidateExecutionInput(string? input)
    {
        if (input is not null && ExecutionInputChecker.FindError(input) is { } error)
        {
            throw SfnServiceException.InvalidExecutionInput(error);
        }
    }
}
