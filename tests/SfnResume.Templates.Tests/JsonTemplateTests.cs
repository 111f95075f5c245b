using System.Text.Json;

namespace SfnResume.Templates.Tests;

public sealed class JsonTemplateTests
{
    private static readonly TemplateDeployment s_deployment =
        Templates.Read(File.ReadAllText(Templates.TestData("json", "wait-and-call.template.json")), stackName: "jobs");

    [Fact]
    public void Read_JsonTemplate_BuildsStateMachineFromDefinitionObjectAndSubstitutions()
    {
        var flow = Assert.Single(s_deployment.StateMachines);

        Assert.Equal("wait-and-call", flow.Name);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:wait-and-call", flow.Arn);
        Assert.Equal("EXPRESS", flow.Type);
        Assert.Equal(
            """{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":5,"Next":"Call"},"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:jobs-worker","End":true}}}""",
            flow.Definition);
        Assert.Equal([new ResourceTag("app", "jobs")], flow.Tags);
        Assert.Equal("ALL", flow.LoggingConfiguration!.Value.GetProperty("Level").GetString());
        Assert.True(flow.LoggingConfiguration.Value.GetProperty("IncludeExecutionData").GetBoolean());
        Assert.Equal(JsonValueKind.False, flow.TracingConfiguration!.Value.GetProperty("Enabled").ValueKind);
    }

    [Fact]
    public void Read_JsonTemplate_RoleArnIncludesPath()
    {
        Assert.Matches("^arn:aws:iam::123456789012:role/service/jobs-WorkerRole-[A-Z0-9]{13}$", s_deployment.StateMachines[0].RoleArn);
    }

    [Fact]
    public void Read_JsonTemplate_FunctionUsesJoinedNameParameterTimeoutAndHandlerExport()
    {
        var worker = s_deployment.Functions[0];

        Assert.Equal("jobs-worker", worker.FunctionName);
        Assert.Equal(5, worker.TimeoutSeconds);
        Assert.Equal("index.js", worker.Code!.FileName);
        Assert.Equal("work", worker.Code.ExportName);
        Assert.Equal("exports.work = async (e) => ({ ...e, region: 'us-east-1' });", worker.Code.Source);
    }

    [Fact]
    public void Read_FunctionWithS3Code_NeedsCodeMapping()
    {
        var legacy = s_deployment.Functions[1];

        Assert.True(legacy.NeedsCodeMapping);
        Assert.Matches("^jobs-Legacy-[A-Z0-9]{13}$", legacy.FunctionName);
    }

    [Fact]
    public void Read_JsonTemplate_ResolvesOutputs()
    {
        Assert.Equal(
            [
                new TemplateOutput("FlowArn", "arn:aws:states:us-east-1:123456789012:stateMachine:wait-and-call", "The flow", null),
                new TemplateOutput("FlowName", "wait-and-call", null, null),
            ],
            s_deployment.Outputs);
    }

    [Fact]
    public void Read_StateMachineResource_PhysicalIdIsItsArn()
    {
        var flow = s_deployment.Resources.Single(r => r.LogicalId == "Flow");

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:wait-and-call", flow.PhysicalId);
        Assert.Equal("jobs-worker", s_deployment.Resources.Single(r => r.LogicalId == "Worker").PhysicalId);
    }
}
