using SfnResume.Api;
using SfnResume.Api.Contracts;

namespace SfnResume.Server.Tests;

public sealed class ErrorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<SfnServiceException> FailsWith(string type, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<SfnServiceException>(call);
        Assert.Equal(type, error.ErrorType);
        return error;
    }

    [Fact]
    public async Task Api_errors_come_back_as_their_AWS_types_and_messages()
    {
        await using var h = await ServerHarness.StartAsync();
        var c = h.Client;
        var machine = await h.CreateAsync("m", ServerHarness.ThreePasses);
        var missingMachine = machine.Replace(":m", ":nope", StringComparison.Ordinal);
        var done = await h.StartAndFinishAsync(machine, "done");

        var e = await FailsWith("InvalidArn", () => c.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = "not-an-arn" }, None));
        Assert.Equal("Invalid Arn: 'Invalid ARN prefix: not-an-arn'", e.Message);
        await FailsWith("InvalidName", () => c.CreateStateMachineAsync(
            new CreateStateMachineRequest { Name = "bad name", Definition = ServerHarness.ThreePasses, RoleArn = ServerHarness.Role }, None));
        e = await FailsWith("InvalidDefinition", () => c.CreateStateMachineAsync(
            new CreateStateMachineRequest { Name = "x", Definition = "{}", RoleArn = ServerHarness.Role }, None));
        Assert.StartsWith("Invalid State Machine Definition: ", e.Message, StringComparison.Ordinal);
        e = await FailsWith("StateMachineDoesNotExist", () => c.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = missingMachine }, None));
        Assert.Equal($"State Machine Does Not Exist: '{missingMachine}'", e.Message);
        await FailsWith("StateMachineAlreadyExists", () => c.CreateStateMachineAsync(
            new CreateStateMachineRequest { Name = "m", Definition = ServerHarness.Fails, RoleArn = ServerHarness.Role }, None));
        var missingExecution = done.Replace(":done", ":ghost", StringComparison.Ordinal);
        e = await FailsWith("ExecutionDoesNotExist", () => c.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = missingExecution }, None));
        Assert.Equal($"Execution Does Not Exist: '{missingExecution}'", e.Message);
        await FailsWith("ExecutionAlreadyExists", () => c.StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = machine, Name = "done", Input = """{"other":1}""" }, None));
        await FailsWith("ExecutionNotRedrivable", () => c.RedriveExecutionAsync(new RedriveExecutionRequest { ExecutionArn = done }, None));
        e = await FailsWith("ValidationException", () => c.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = machine, MaxResults = 1001 }, None));
        Assert.Equal(400, e.StatusCode);
        Assert.Contains("at 'maxResults'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_errors_come_back_as_UnknownOperation_and_Serialization()
    {
        await using var h = await ServerHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Server.BaseAddress };
        var (status, type, _) = await RawRequests.SendAsync(http, "AWSStepFunctions.DoSomethingElse", "{}");
        Assert.Equal((400, "UnknownOperationException"), (status, type));
        (status, type, _) = await RawRequests.SendAsync(http, "AWSStepFunctions.ListStateMachines", "{not json");
        Assert.Equal((400, "SerializationException"), (status, type));
    }
}
