using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Tests;

public sealed class PhysicalNameTests
{
    [Fact]
    public void Generate_SameStackAndLogicalId_GivesSameName()
    {
        var first = PhysicalNames.Generate("orders", "ChargeFunction", 64);
        var second = PhysicalNames.Generate("orders", "ChargeFunction", 64);

        Assert.Equal(first, second);
        Assert.Matches("^orders-ChargeFunction-[A-Z0-9]{13}$", first);
        Assert.NotEqual(first, PhysicalNames.Generate("orders", "NotifyFunction", 64)[^13..]);
    }

    [Fact]
    public void Generate_TooLong_CutsStackNameFirst()
    {
        var name = PhysicalNames.Generate("MyStackDev-MyNestedApplicationStack", "MyLambdaFunctionName", 64);

        Assert.Equal(64, name.Length);
        Assert.StartsWith("MyStackDev-MyNestedApplicatio-MyLambdaFunctionName-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_VeryLongLogicalId_CutsLogicalIdAfterStackName()
    {
        var logicalId = new string('L', 100);

        var name = PhysicalNames.Generate("stack", logicalId, 64);

        Assert.Equal(64, name.Length);
        Assert.Matches("^s-L{48}-[A-Z0-9]{13}$", name);
    }

    [Fact]
    public void Generate_LowerCaseService_LowersWholeName()
    {
        Assert.Matches("^data-logs-[a-z0-9]{13}$", PhysicalNames.Generate("Data", "Logs", 63, NameStyle.StackAndLogicalIdLower));
    }

    [Fact]
    public void Generate_StateMachineStyle_UsesLogicalIdAndMixedCaseSuffix()
    {
        var name = PhysicalNames.Generate("orders", "Flow", 80, NameStyle.LogicalIdOnly);

        Assert.Matches("^Flow-[A-Za-z0-9]{12}$", name);
        Assert.Equal(name, PhysicalNames.Generate("orders", "Flow", 80, NameStyle.LogicalIdOnly));
        Assert.NotEqual(name, PhysicalNames.Generate("billing", "Flow", 80, NameStyle.LogicalIdOnly));
    }

    [Fact]
    public void Generate_StateMachineStyleTooLong_CutsLogicalId()
    {
        var name = PhysicalNames.Generate("orders", new string('F', 90), 80, NameStyle.LogicalIdOnly);

        Assert.Matches("^F{67}-[A-Za-z0-9]{12}$", name);
    }

    [Fact]
    public void Read_LongStackName_TrimsEachServiceToItsLimit()
    {
        var stack = "s" + new string('x', 90);
        var template = """
            Resources:
              ExecutionRoleForTheWorkflow:
                Type: AWS::IAM::Role
              WorkerFunctionWithAVeryLongLogicalId:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: index.handler
                  Code: {ZipFile: 'exports.handler = async () => 1;'}
              WorkflowStateMachine:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: '{}'
            """;

        var deployment = Templates.Read(template, stackName: stack);

        Assert.Equal(64, deployment.Functions[0].FunctionName.Length);
        Assert.EndsWith("-WorkerFunctionWithAVeryLongLogicalId-" + deployment.Functions[0].FunctionName[^13..], deployment.Functions[0].FunctionName, StringComparison.Ordinal);
        Assert.Matches("^WorkflowStateMachine-[A-Za-z0-9]{12}$", deployment.StateMachines[0].Name);
        Assert.Equal(64, deployment.Resources[0].PhysicalId.Length);
    }
}
