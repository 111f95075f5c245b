namespace SfnResume.Api.Contracts;

// Request members are nullable even where AWS requires them: a missing member must reach RequestValidator and
// come back as AWS's "Member must not be null" ValidationException, not as a deserialisation failure.

/// <summary>CreateStateMachine request.</summary>
public sealed record CreateStateMachineRequest
{
    public string? Name { get; init; }

    /// <summary>The Amazon States Language text (a JSON string on the wire, not an object).</summary>
    public string? Definition { get; init; }

    public string? RoleArn { get; init; }

    /// <summary><see cref="StateMachineType"/>; STANDARD when absent.</summary>
    public string? Type { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public bool? Publish { get; init; }

    public string? VersionDescription { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary>CreateStateMachine response.</summary>
public sealed record CreateStateMachineResponse
{
    public required string StateMachineArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public string? StateMachineVersionArn { get; init; }
}

/// <summary>DescribeStateMachine request.</summary>
public sealed record DescribeStateMachineRequest
{
    /// <summary>A state machine, version or alias ARN.</summary>
    public string? StateMachineArn { get; init; }

    public string? IncludedData { get; init; }
}

/// <summary>DescribeStateMachine response.</summary>
public sealed record DescribeStateMachineResponse
{
    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public string? Status { get; init; }

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public string? Label { get; init; }

    public string? RevisionId { get; init; }

    public string? Description { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? VariableReferences { get; init; }
}

/// <summary>UpdateStateMachine request: at least one of definition, roleArn, loggingConfiguration, tracingConfiguration.</summary>
public sealed record UpdateStateMachineRequest
{
    public string? StateMachineArn { get; init; }

    public string? Definition { get; init; }

    public string? RoleArn { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public bool? Publish { get; init; }

    public string? VersionDescription { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}

/// <summary>UpdateStateMachine response.</summary>
public sealed record UpdateStateMachineResponse
{
    public required DateTimeOffset UpdateDate { get; init; }

    public string? RevisionId { get; init; }

    public string? StateMachineVersionArn { get; init; }
}

/// <summary>DeleteStateMachine request.</summary>
public sealed record DeleteStateMachineRequest
{
    public string? StateMachineArn { get; init; }
}

/// <summary>DeleteStateMachine response: <c>{}</c>.</summary>
public sealed record DeleteStateMachineResponse;

/// <summary>ListStateMachines request.</summary>
public sealed record ListStateMachinesRequest
{
    /// <summary>0..1000; 0 or absent means the default page size (100).</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>ListStateMachines response.</summary>
public sealed record ListStateMachinesResponse
{
    public required IReadOnlyList<StateMachineListItem> StateMachines { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>One entry of ListStateMachines.</summary>
public sealed record StateMachineListItem
{
    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset CreationDate { get; init; }
}

/// <summary>DescribeStateMachineForExecution request.</summary>
public sealed record DescribeStateMachineForExecutionRequest
{
    public string? ExecutionArn { get; init; }

    public string? IncludedData { get; init; }
}

/// <summary>DescribeStateMachineForExecution response: the definition the execution ran with.</summary>
public sealed record DescribeStateMachineForExecutionResponse
{
    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    public required DateTimeOffset UpdateDate { get; init; }

    public LoggingConfiguration? LoggingConfiguration { get; init; }

    public TracingConfiguration? TracingConfiguration { get; init; }

    public string? MapRunArn { get; init; }

    public string? Label { get; init; }

    public string? RevisionId { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? VariableReferences { get; init; }
}

/// <summary>ValidateStateMachineDefinition request.</summary>
public sealed record ValidateStateMachineDefinitionRequest
{
    public string? Definition { get; init; }

    public string? Type { get; init; }

    /// <summary>Lowest severity to report: ERROR (default) or WARNING.</summary>
    public string? Severity { get; init; }

    /// <summary>0..100; 0 or absent means 100.</summary>
    public int? MaxResults { get; init; }
}

/// <summary>ValidateStateMachineDefinition response (HTTP 200 even for a bad definition).</summary>
public sealed record ValidateStateMachineDefinitionResponse
{
    /// <summary><see cref="ValidationResultCode"/>.</summary>
    public required string Result { get; init; }

    public required IReadOnlyList<ValidateStateMachineDefinitionDiagnostic> Diagnostics { get; init; }

    public bool? Truncated { get; init; }
}

/// <summary>One diagnostic of ValidateStateMachineDefinition.</summary>
public sealed record ValidateStateMachineDefinitionDiagnostic
{
    public required string Severity { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }

    public string? Location { get; init; }
}
