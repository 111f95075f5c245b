using System.Collections.Immutable;
using System.Text.Json;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// One execution recorded against real AWS Step Functions: the state machine, its input, and what AWS
/// returned (status, result and, when recorded, the normalised <c>GetExecutionHistory</c> events).
/// JSON values are kept as <see cref="JsonElement"/> so a case can be shared between threads.
/// </summary>
public sealed record ConformanceCase
{
    public required string Id { get; init; }

    /// <summary>The day the execution was recorded (<c>recorded_date</c>), when given: the run follows AWS's behaviour of that day.</summary>
    public DateOnly? RecordedOn { get; init; }

    /// <summary>The file the case was read from (used in messages and reports).</summary>
    public required string SourceFile { get; init; }

    /// <summary>The ASL definition as a JSON object.</summary>
    public required JsonElement Definition { get; init; }

    /// <summary>The execution input exactly as sent; a template when <see cref="InputIsTemplate"/> is set.</summary>
    public required string Input { get; init; }

    /// <summary>True when <see cref="Input"/> holds <c>{{NOW+Ns|fmt}}</c> placeholders (see <see cref="InputTemplate"/>).</summary>
    public bool InputIsTemplate { get; init; }

    public string StateMachineType { get; init; } = "STANDARD";

    public required string StateMachineName { get; init; }

    public required string ExecutionName { get; init; }

    public required string RoleArn { get; init; }

    /// <summary><c>SUCCEEDED</c>, <c>FAILED</c>, <c>ABORTED</c>, <c>TIMED_OUT</c> or <c>RUNNING</c>.</summary>
    public required string ExpectedStatus { get; init; }

    /// <summary>The recorded output (normalised: an object when AWS returned a string starting with <c>{</c>).</summary>
    public JsonElement? ExpectedOutput { get; init; }

    public string? ExpectedError { get; init; }

    /// <summary>The recorded cause (normalised like <see cref="ExpectedOutput"/>); null when AWS gave none.</summary>
    public JsonElement? ExpectedCause { get; init; }

    /// <summary>The recorded, normalised history events; null when only the result was recorded.</summary>
    public JsonElement? ExpectedEvents { get; init; }

    public bool HasFullHistory { get; init; }

    /// <summary>Events inside Parallel blocks were reordered and their ids reset when recorded.</summary>
    public bool ParallelEventsNormalised { get; init; }

    public ImmutableArray<ConformanceLambdaFunction> LambdaFunctions { get; init; } = [];

    public ImmutableArray<string> Categories { get; init; } = [];

    public ImmutableArray<string> Features { get; init; } = [];

    /// <summary>The extra substitutions the recording tool applied to this case, in registration order.</summary>
    public ImmutableArray<TestTransformer> TestTransformers { get; init; } = [];

    /// <summary>JSON paths the recording tool itself did not compare.</summary>
    public ImmutableArray<string> SkipVerifyPaths { get; init; } = [];

    /// <summary>Step Functions API actions the recording test called on the running execution (e.g. <c>stop_execution</c>).</summary>
    public ImmutableArray<string> ApiCallsDuringExecution { get; init; } = [];
}

/// <summary>A Lambda function a case calls: its name, ARN, the source it was built from and its behaviour in words.</summary>
public sealed record ConformanceLambdaFunction(string FunctionName, string? FunctionArn, string? Behaviour)
{
    /// <summary>The function's source in the recording project (selects the local stand-in).</summary>
    public string? SourcePath { get; init; }
}

/// <summary>
/// A substitution the recording tool applied to one case (<c>RegexTransformer</c>, <c>JsonpathTransformer</c>,
/// <c>transform.sfn_sm_create_arn</c>, <c>transform.sfn_sm_exec_arn</c>, <c>SfnNoneRecursiveParallelTransformer</c>,
/// <c>GenericTransformer</c>).
/// </summary>
public sealed record TestTransformer(
    string Kind,
    string? Regex,
    string? Replacement,
    string? JsonPath,
    bool ReplaceReference,
    string? Source);
