using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.History;

/// <summary>Runs cases of the AWS-recorded corpus and compares whole histories (types, ids, previousEventIds, details).</summary>
public sealed class RecordedHistoryTests
{
    public static TheoryData<string> Cases => new(CaseList.Selected);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_RecordedCase_WritesTheRecordedHistory(string id)
    {
        var recorded = CorpusCase.Load(id);
        var harness = new EngineHarness(invoker => recorded.Functions(invoker));
        var engine = harness.Engine;
        var machine = engine.Compile(EngineHarness.Parse(recorded.Definition));
        var request = new ExecutionRequest(
            "arn:aws:states:us-east-1:111111111111:stateMachine:" + recorded.StateMachineName, recorded.ExecutionName, recorded.Input, recorded.RoleArn);

        var result = await engine.RunAsync(machine, request);

        Assert.True(recorded.ExpectedStatus == result.Status, id + ": " + result.Status + " " + result.Error + " " + result.Cause);
        HistoryComparer.AssertSame(recorded.ExpectedEvents, recorded.Normalise(result.Events), recorded.ReplacedValues());
    }
}
