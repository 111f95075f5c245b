using System.Text.Json.Nodes;
using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class StepFunctionsConformanceEngineTests
{
    private const string WaitThenPass =
        """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "P"}, "P": {"Type": "Pass", "Result": {"a": 1}, "End": true}}}""";

    private static ConformanceRunRequest Request(string definition, string status = "SUCCEEDED") =>
        new ConformanceRunner(new StepFunctionsConformanceEngine()).CreateRequest(
            CaseBuilder.Case(status: status) with { Definition = System.Text.Json.JsonDocument.Parse(definition).RootElement.Clone() },
            new FastForwardTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static IEnumerable<string> Types(JsonArray events) => events.Select(e => e!["type"]!.GetValue<string>());

    [Fact]
    public async Task RunAsync_WaitOfAMinute_SucceedsWithoutRealWaitingAndGivesAwsShapedHistory()
    {
        var execution = await new StepFunctionsConformanceEngine().RunAsync(Request(WaitThenPass), CancellationToken.None);

        Assert.Equal("SUCCEEDED", execution.Status);
        Assert.Equal("""{"a":1}""", execution.Output);
        Assert.Equal(
            ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            Types(execution.Events!));
        Assert.Equal(System.Text.Json.JsonValueKind.String, execution.Events![0]!["executionStartedEventDetails"]!["input"]!.GetValueKind());
    }

    [Fact]
    public async Task RunAsync_StopAfterFirstStateEntered_EndsAborted()
    {
        var request = Request(WaitThenPass, status: "ABORTED") with { StopAfterFirstStateEntered = true };

        var execution = await new StepFunctionsConformanceEngine().RunAsync(request, CancellationToken.None);

        // Whether WaitStateExited comes first is the engine's business (AWS writes none); the stop itself is ours.
        Assert.Equal("ABORTED", execution.Status);
        Assert.Equal("ExecutionAborted", Types(execution.Events!).Last());
        Assert.DoesNotContain("PassStateEntered", Types(execution.Events!));
    }

    [Fact]
    public async Task RunAsync_RecordedWhileRunning_ReturnsRunningWithTheRecordedNumberOfEvents()
    {
        var request = Request(WaitThenPass, status: "RUNNING") with { StopAfterEvents = 2 };

        var execution = await new StepFunctionsConformanceEngine().RunAsync(request, CancellationToken.None);

        Assert.Equal("RUNNING", execution.Status);
        Assert.Equal(["ExecutionStarted", "WaitStateEntered"], Types(execution.Events!));
    }

    [Fact]
    public async Task RunAsync_InvalidDefinition_ThrowsWithTheDiagnostic()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new StepFunctionsConformanceEngine().RunAsync(Request("""{"States": {}}"""), CancellationToken.None));

        Assert.StartsWith("definition rejected:", e.Message, StringComparison.Ordinal);
    }
}
