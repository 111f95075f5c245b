using System.Text.Json;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class StoreResponsesTests
{
    [Fact]
    public void DescribeStateMachine_DefaultsAsRecordedFromAws()
    {
        using var store = SqliteStore.OpenInMemory();
        var machine = store.CreateStateMachine(Machine("m")).Machine;

        var json = JsonSerializer.Serialize(machine.ToDescribeResponse(), ApiJsonContext.Default.DescribeStateMachineResponse);

        Assert.Contains("\"loggingConfiguration\":{\"level\":\"OFF\",\"includeExecutionData\":false}", json, StringComparison.Ordinal);
        Assert.Contains("\"tracingConfiguration\":{\"enabled\":false}", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"ACTIVE\"", json, StringComparison.Ordinal);
        Assert.Equal("{}", machine.ToDescribeResponse(IncludedData.MetadataOnly).Definition);
        Assert.Equal(("m", T0), (machine.ToListItem().Name, machine.ToListItem().CreationDate));
    }

    [Fact]
    public void DescribeExecution_Succeeded_RecordedRedriveFields()
    {
        using var store = SqliteStore.OpenInMemory();
        store.CreateStateMachine(Machine("m"));
        var arn = store.CreateExecution(Execution("m", "e")).Execution.Arn;
        store.UpdateExecution(arn, new ExecutionUpdate { Status = ExecutionStatuses.Succeeded, StopDate = T0.AddSeconds(1), Output = "{\"ok\":1}" });
        var execution = store.GetExecution(arn)!;

        var redrive = RedriveEligibility.Evaluate(execution.ToRedriveFacts(eventCount: 5, stateMachineDeleting: false, now: T0.AddMinutes(1)));
        var response = execution.ToDescribeResponse(redrive);

        Assert.Equal("{\"ok\":1}", response.Output);
        Assert.Equal(0, response.RedriveCount);
        Assert.Equal(RedriveStatus.NotRedrivable, response.RedriveStatus);
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", response.RedriveStatusReason);
        Assert.True(response.InputDetails!.Included);
        Assert.Null(execution.ToDescribeResponse(redrive, IncludedData.MetadataOnly).Input);
        Assert.Null(execution.ToListItem().RedriveCount);
    }

    [Fact]
    public void DescribeStateMachineForExecution_TheVersionItRanWith()
    {
        using var store = SqliteStore.OpenInMemory();
        store.CreateStateMachine(Machine("m"));
        var execution = store.CreateExecution(Execution("m", "e")).Execution;
        var machine = store.UpdateStateMachine(MachineArn("m"), new StateMachineUpdate
        {
            Definition = """{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""", RevisionId = "rev-2", UpdateDate = T0.AddHours(1),
        });

        var response = store.GetDefinitionForExecution(execution.Arn)!.ToDescribeForExecutionResponse(machine, execution);

        Assert.Equal((Definition, "rev-m", T0), (response.Definition, response.RevisionId, response.UpdateDate));
    }
}
