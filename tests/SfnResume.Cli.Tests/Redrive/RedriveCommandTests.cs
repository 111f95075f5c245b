using System.Text.Json.Nodes;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Commands.Redrive;
using SfnResume.Cli.Tests.Store;

namespace SfnResume.Cli.Tests.Redrive;

public sealed class RedriveCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-redrive-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Redrive_FailedExecution_RerunsWithTheSameInputAndCountsTheRedrive()
    {
        var state = Path.Combine(_temp, "state");
        Assert.Equal(0, (await CliRunner.RunAsync("deploy", StateDirFixture.SeedTemplate, "--state-dir", state)).ExitCode);
        var start = await CliRunner.RunAsync("start", "ResumeFromStateExample", "--input", """{"Message": "hi"}""", "--name", "first", "--state-dir", state, "--output", "json");
        var arn = (string)JsonNode.Parse(start.Out)!["executionArn"]!;

        var redrive = await CliRunner.RunAsync("redrive", arn, "--state-dir", state, "--output", "json");

        // Same input, same definition: SecondLambda fails again, as it would on AWS.
        Assert.Equal(1, redrive.ExitCode);
        var result = JsonNode.Parse(redrive.Out)!;
        Assert.Equal("FAILED", (string?)result["status"]);
        Assert.Equal(1, (int?)result["redriveCount"]);
    }

    [Fact]
    public async Task Redrive_SucceededExecution_SaysWhyNotAndSuggestsResume()
    {
        var state = Path.Combine(_temp, "state");
        Assert.Equal(0, (await CliRunner.RunAsync("deploy", StateDirFixture.SeedTemplate, "--state-dir", state)).ExitCode);
        var start = await CliRunner.RunAsync("start", "ResumeFromStateExample", "--input", """{"Message": "hi", "foo": 1}""", "--name", "ok", "--state-dir", state, "--output", "json");
        var arn = (string)JsonNode.Parse(start.Out)!["executionArn"]!;

        var redrive = await CliRunner.RunAsync("redrive", arn, "--state-dir", state);

        Assert.Equal(2, redrive.ExitCode);
        Assert.Contains("SUCCEEDED", redrive.Error, StringComparison.Ordinal);
        Assert.Contains("sfn-resume resume", redrive.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyNot_AppliesAwsRules()
    {
        var now = new DateTimeOffset(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);
        DescribeExecutionResponse Execution(string status, DateTimeOffset? stop, string? redriveStatus = null) => new()
        {
            ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:m:e",
            StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:m",
            Status = status,
            StartDate = now.AddDays(-20),
            StopDate = stop,
            RedriveStatus = redriveStatus,
            RedriveStatusReason = redriveStatus is null ? null : "Execution history event limit exceeded",
        };
        const string Standard = "arn:aws:states:us-east-1:123456789012:execution:m:e";

        Assert.Null(RedriveCommand.WhyNot(Standard, Execution("FAILED", now.AddDays(-1)), now));
        Assert.Contains("RUNNING", RedriveCommand.WhyNot(Standard, Execution("RUNNING", null), now), StringComparison.Ordinal);
        Assert.Contains("14 days", RedriveCommand.WhyNot(Standard, Execution("TIMED_OUT", now.AddDays(-15)), now), StringComparison.Ordinal);
        Assert.Contains("event limit", RedriveCommand.WhyNot(Standard, Execution("ABORTED", now, RedriveStatus.NotRedrivable), now), StringComparison.Ordinal);
        Assert.Contains("Express", RedriveCommand.WhyNot("arn:aws:states:us-east-1:123456789012:express:m:e:1", Execution("FAILED", now), now), StringComparison.Ordinal);
    }
}
