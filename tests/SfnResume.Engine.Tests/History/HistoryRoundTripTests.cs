using SfnResume.Core.History;
using SfnResume.Engine.Tests.Support;

namespace SfnResume.Engine.Tests.History;

/// <summary>Histories the engine writes read back as GetExecutionHistory JSON, as the resume planner reads them.</summary>
public sealed class HistoryRoundTripTests
{
    [Fact]
    public async Task Events_WrittenAsJsonAndReadBack_AreUnchangedAndFormATimeline()
    {
        var harness = new EngineHarness(f => f.Add("charge", _ => DelegateInvoker.Thrown("PaymentDeclined", "card declined")));
        const string Definition = """
            {"StartAt":"Init","States":{"Init":{"Type":"Pass","Result":"EUR","ResultPath":"$.currency","Next":"Fan"},
             "Fan":{"Type":"Parallel","Branches":[
               {"StartAt":"Items","States":{"Items":{"Type":"Map","ItemsPath":"$.lines","ItemProcessor":{"StartAt":"Line","States":{"Line":{"Type":"Pass","End":true}}},"End":true}}},
               {"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:111111111111:function:charge","Payload.$":"$"},
                 "Retry":[{"ErrorEquals":["PaymentDeclined"],"IntervalSeconds":2,"MaxAttempts":1}],"End":true}}}],"End":true}}}
            """;

        var result = await harness.RunAsync(Definition, """{"orderId": "o-1", "lines": [1, 2]}""");
        var json = ExecutionHistory.FromEvents(result.Events).ToJson();
        var read = ExecutionHistory.Parse(json);

        Assert.Equal(ExecutionResult.Failed, result.Status);
        Assert.Equal(result.Events, read.Events);
        Assert.Equal(json, read.ToJson());
        var timeline = ExecutionTimeline.Build(read);
        Assert.Contains(timeline.AllVisits(), v => v.Name == "Charge");
        Assert.Equal("Fan", timeline.LastVisit("Fan")?.Name);
    }
}
