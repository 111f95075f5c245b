using System.Text.Json;

namespace SfnResume.Templates;

/// <summary>What a template deploys into the local engine, with every intrinsic function resolved.</summary>
public sealed record TemplateDeployment(
    string StackName,
    string StackId,
    string Region,
    string AccountId,
    IReadOnlyList<StateMachineResource> StateMachines,
    IReadOnlyList<LambdaFunctionResource> Functions,
    IReadOnlyList<StackResourceSummary> Resources,
    IReadOnlyList<TemplateOutput> Outputs);

/// <summary>One resource the stack creates, as <c>DescribeStackResources</c> would list it.</summary>
public sealed record StackResourceSummary(string LogicalId, string ResourceType, string PhysicalId);

/// <summary>A resolved stack output.</summary>
public sealed record TemplateOutput(string Name, string Value, string? Description, string? ExportName);

/// <summary>A resource tag.</summary>
public sealed record ResourceTag(string Key, string Value);

/// <summary>An <c>AWS::StepFunctions::StateMachine</c> or <c>AWS::Serverless::StateMachine</c>, ready for
/// <c>CreateStateMachine</c>.</summary>
public sealed record StateMachineResource(
    string LogicalId,
    string ResourceType,
    string Name,
    string Arn,
    string Type,
    string Definition,
    string? RoleArn,
    IReadOnlyList<ResourceTag> Tags,
    JsonElement? LoggingConfiguration,
    JsonElement? TracingConfiguration);

/// <summary>An <c>AWS::Lambda::Function</c> or <c>AWS::Serverless::Function</c>.</summary>
public sealed record LambdaFunctionResource(
    string LogicalId,
    string ResourceType,
    string FunctionName,
    string Arn,
    string? Runtime,
    string? Handler,
    int TimeoutSeconds,
    int MemorySize,
    IReadOnlyDictionary<string, string> Environment,
    string? RoleArn,
    LambdaCode? Code)
{
    /// <summary>True when the template carries no runnable Node.js code for this function, so a run needs a
    /// <c>--lambda NAME=FILE.js</c> or <c>--lambda-endpoint URL</c> mapping for it.</summary>
    public bool NeedsCodeMapping => Code is null;
}

/// <summary>Where a function's Node.js code came from.</summary>
public enum LambdaCodeOrigin
{
    /// <summary><c>Code.ZipFile</c> or SAM <c>InlineCode</c>.</summary>
    Inline,

    /// <summary>A file in a local SAM <c>CodeUri</c> folder.</summary>
    LocalFile,
}

/// <summary>Node.js handler code: the module text and the export the handler names.</summary>
/// <param name="FileName">The module's file name relative to the code folder, e.g. <c>index.js</c> or <c>src/app.mjs</c>.</param>
/// <param name="Source">The module's source text.</param>
/// <param name="ExportName">The exported function the <c>Handler</c> names, e.g. <c>handler</c>.</param>
/// <param name="SourcePath">The module's full path on disk, for local files.</param>
/// <param name="CodeDirectory">The <c>CodeUri</c> folder, for local files (relative imports resolve from here).</param>
public sealed record LambdaCode(
    LambdaCodeOrigin Origin,
    string FileName,
    string Source,
    string ExportName,
    string? SourcePath,
    string? CodeDirectory);
