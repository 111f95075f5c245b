using System.Text.Json.Nodes;

namespace SfnResume.Templates.Tests;

public sealed class SeedTemplateTests
{
    private static readonly TemplateDeployment s_seed = Templates.Read(Templates.SeedTemplate, stackName: "resume-demo");

    [Fact]
    public void Read_SeedTemplate_FindsOneStateMachineAndTwoFunctions()
    {
        Assert.Single(s_seed.StateMachines);
        Assert.Equal(["FirstLambda", "SecondLambda"], s_seed.Functions.Select(f => f.LogicalId));
        Assert.Equal(
            ["SampleStatesExecutionRole", "SampleLambdaExecutionRole", "FirstLambda", "SecondLambda", "ResumeFromStateExample"],
            s_seed.Resources.Select(r => r.LogicalId));
    }

    [Fact]
    public void Read_SeedTemplate_DefinitionHoldsGeneratedLambdaArns()
    {
        var first = s_seed.Functions[0];
        var second = s_seed.Functions[1];
        Assert.StartsWith("resume-demo-FirstLambda-", first.FunctionName, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:lambda:us-east-1:{Templates.Account}:function:{first.FunctionName}", first.Arn);

        var definition = JsonNode.Parse(s_seed.StateMachines[0].Definition)!;
        var branches = definition["States"]!["Parallel"]!["Branches"]!.AsArray();
        Assert.Equal(first.Arn, (string?)branches[0]!["States"]!["Parallel Step 1, Process 1"]!["Resource"]);
        Assert.Equal(first.Arn, (string?)branches[1]!["States"]!["Parallel Step 1, Process 2"]!["Resource"]);
        var branches2 = definition["States"]!["Parallel 2"]!["Branches"]!.AsArray();
        Assert.Equal(second.Arn, (string?)branches2[0]!["States"]!["Parallel Step 2, Process 1"]!["Resource"]);
        Assert.Equal(first.Arn, (string?)definition["States"]!["Final Processing"]!["Resource"]);
        Assert.DoesNotContain("${", s_seed.StateMachines[0].Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeedTemplate_StateMachineHasGeneratedNameArnAndRole()
    {
        var machine = s_seed.StateMachines[0];
        Assert.Equal("ResumeFromStateExample", machine.LogicalId);
        // CloudFormation names state machines LogicalId-suffix, without the stack name.
        Assert.Matches("^ResumeFromStateExample-[A-Za-z0-9]{12}$", machine.Name);
        Assert.Equal($"arn:aws:states:us-east-1:{Templates.Account}:stateMachine:{machine.Name}", machine.Arn);
        Assert.Equal("STANDARD", machine.Type);
        Assert.Matches($"^arn:aws:iam::{Templates.Account}:role/resume-demo-SampleStatesExecutionRole-[A-Z0-9]{{13}}$", machine.RoleArn);
        Assert.Empty(machine.Tags);
        Assert.Null(machine.LoggingConfiguration);
    }

    [Fact]
    public void Read_SeedTemplate_FunctionsCarryInlineCodeAndHandler()
    {
        var first = s_seed.Functions[0];
        Assert.Equal("nodejs4.3", first.Runtime);
        Assert.Equal("index.handler", first.Handler);
        Assert.Equal(3, first.TimeoutSeconds);
        Assert.Equal(128, first.MemorySize);
        Assert.False(first.NeedsCodeMapping);
        Assert.Equal(LambdaCodeOrigin.Inline, first.Code!.Origin);
        Assert.Equal("index.js", first.Code.FileName);
        Assert.Equal("handler", first.Code.ExportName);
        Assert.StartsWith("exports.handler = (event, context, callback) => {\n    event.Message = event.Message;", first.Code.Source, StringComparison.Ordinal);
        Assert.Contains("context.fail()", s_seed.Functions[1].Code!.Source, StringComparison.Ordinal);
        Assert.Matches($"^arn:aws:iam::{Templates.Account}:role/resume-demo-SampleLambdaExecutionRole-[A-Z0-9]{{13}}$", first.RoleArn);
        Assert.Equal(first.RoleArn, s_seed.Functions[1].RoleArn);
    }

    [Fact]
    public void Read_SeedTemplateTwice_GivesTheSameNames()
    {
        var again = Templates.Read(Templates.SeedTemplate, stackName: "resume-demo");
        Assert.Equal(s_seed.Resources, again.Resources);
        Assert.Equal(s_seed.StateMachines[0].Definition, again.StateMachines[0].Definition);

        var otherStack = Templates.Read(Templates.SeedTemplate, stackName: "other-stack");
        Assert.NotEqual(
            s_seed.Functions[0].FunctionName[^13..],
            otherStack.Functions[0].FunctionName[^13..]);
    }
}
