using SfnResume.Api;
using SfnResume.Api.Contracts;

namespace SfnResume.Storage.Sqlite;

/// <summary>Stored rows as the API's responses, with AWS's defaults filled in (recorded shapes, api-protocol.md section 3).</summary>
public static class StoreResponses
{
    public static StateMachineListItem ToListItem(this StateMachineRecord machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new StateMachineListItem
        {
            StateMachineArn = machine.Arn,
            Name = machine.Name,
            Type = machine.Type,
            CreationDate = machine.CreationDate,
        };
    }

    /// <summary>DescribeStateMachine; METADATA_ONLY leaves the definition out as <c>{}</c>.</summary>
    public static DescribeStateMachineResponse ToDescribeResponse(this StateMachineRecord machine, string? includedData = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var current = machine.Current;
        return new DescribeStateMachineResponse
        {
            StateMachineArn = machine.Arn,
            Name = machine.Name,
            Status = machine.Status,
            Definition = includedData == IncludedData.MetadataOnly ? "{}" : current.Definition,
            RoleArn = current.RoleArn,
            Type = machine.Type,
            CreationDate = machine.CreationDate,
            LoggingConfiguration = current.LoggingConfiguration ?? LoggingConfiguration.Default,
            TracingConfiguration = current.TracingConfiguration ?? TracingConfiguration.Default,
            RevisionId = current.RevisionId,
            Description = machine.Description,
            EncryptionConfiguration = current.EncryptionConfiguration,
        };
    }

    /// <summary>DescribeStateMachineForExecution: the definition version the execution ran with.</summary>
    public static DescribeStateMachineForExecutionResponse ToDescribeForExecutionResponse(
        this DefinitionVersionRecord version, StateMachineRecord machine, ExecutionRecord execution, string? includedData = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(execution);
        return new DescribeStateMachineForExecutionResponse
        {
            StateMachineArn = machine.Arn,
            Name = machine.Name,
            Definition = includedData == IncludedData.MetadataOnly ? "{}" : version.Definition,
            RoleArn = version.RoleArn,
            UpdateDate = version.Created,
            LoggingConfiguration = version.LoggingConfiguration ?? LoggingConfiguration.Default,
            TracingConfiguration = version.TracingConfiguration ?? TracingConfiguration.Default,
            MapRunArn = execution.MapRunArn,
            RevisionId = version.RevisionId,
            EncryptionConfiguration = version.EncryptionConfiguration,
        };
    }

    public static ExecutionListItem ToListItem(this ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return new ExecutionListItem
        {
            ExecutionArn = execution.Arn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = execution.Status,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            MapRunArn = execution.MapRunArn,
            StateMachineVersionArn = execution.StateMachineVersionArn,
            StateMachineAliasArn = execution.StateMachineAliasArn,
            RedriveCount = execution.RedriveCount > 0 ? execution.RedriveCount : null,
            RedriveDate = execution.RedriveDate,
        };
    }

    /// <summary>
    /// DescribeExecution: output only for SUCCEEDED, <c>redriveCount</c> always (0 if never), redrive status and
    /// reason from <paramref name="redrive"/>; METADATA_ONLY leaves input and output out.
    /// </summary>
    public static DescribeExecutionResponse ToDescribeResponse(this ExecutionRecord execution, RedriveDecision redrive, string? includedData = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(redrive);
        var data = includedData != IncludedData.MetadataOnly;
        var output = execution.Status == ExecutionStatuses.Succeeded ? execution.Output : null;
        return new DescribeExecutionResponse
        {
            ExecutionArn = execution.Arn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = execution.Status,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            Input = data ? execution.Input : null,
            InputDetails = new CloudWatchEventsExecutionDataDetails { Included = data },
            Output = data ? output : null,
            OutputDetails = output is null ? null : new CloudWatchEventsExecutionDataDetails { Included = data },
            TraceHeader = execution.TraceHeader,
            MapRunArn = execution.MapRunArn,
            Error = execution.Error,
            Cause = execution.Cause,
            StateMachineVersionArn = execution.StateMachineVersionArn,
            StateMachineAliasArn = execution.StateMachineAliasArn,
            RedriveCount = execution.RedriveCount,
            RedriveDate = execution.RedriveDate,
            RedriveStatus = redrive.Status,
            RedriveStatusReason = redrive.Reason,
        };
    }

    /// <summary>The facts <see cref="RedriveEligibility"/> needs, from the row and what the caller knows.</summary>
    public static RedriveFacts ToRedriveFacts(this ExecutionRecord execution, long eventCount, bool stateMachineDeleting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return new RedriveFacts
        {
            ExecutionType = execution.Type,
            Status = execution.Status,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            EventCount = eventCount,
            StateMachineDeleting = stateMachineDeleting,
            IsMapRunChild = execution.MapRunArn is not null,
            Now = now,
        };
    }
}
