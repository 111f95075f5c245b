namespace SfnResume.Templates.Tests;

public sealed class ConditionsAndParametersTests
{
    private const string Template = """
        Parameters:
          Stage:
            Type: String
            Default: dev
            AllowedValues: [dev, prod]
          Retries:
            Type: Number
            Default: 2
          Owner:
            Type: String
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          IsDev: !Not [!Condition IsProd]
          ProdWithRetries: !And [!Condition IsProd, !Not [!Equals [!Ref Retries, '0']]]
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              StateMachineName: !If [IsProd, orders, !Sub 'orders-${Stage}']
              DefinitionString: !Sub '{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"${Owner}/${Retries}","End":true}}}'
          ProdOnly:
            Type: AWS::StepFunctions::StateMachine
            Condition: ProdWithRetries
            Properties:
              DefinitionString: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}'
          DevOnly:
            Type: AWS::StepFunctions::StateMachine
            Condition: IsDev
            Properties:
              DefinitionString: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}'
        Outputs:
          ProdArn:
            Condition: ProdWithRetries
            Value: !Ref ProdOnly
          Stage:
            Value: !If [IsDev, development, production]
        """;

    private static Dictionary<string, string> Params(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Read_DefaultParameters_TakesFalseBranchesAndSkipsConditionalResources()
    {
        var deployment = Templates.Read(Template, parameters: Params(("Owner", "ops")));

        Assert.Equal(["Flow", "DevOnly"], deployment.StateMachines.Select(m => m.LogicalId));
        Assert.Equal("orders-dev", deployment.StateMachines[0].Name);
        Assert.Contains("\"Result\":\"ops/2\"", deployment.StateMachines[0].Definition, StringComparison.Ordinal);
        Assert.Equal([new TemplateOutput("Stage", "development", null, null)], deployment.Outputs);
    }

    [Fact]
    public void Read_OverriddenParameters_TakeTrueBranches()
    {
        var deployment = Templates.Read(Template, parameters: Params(("Owner", "ops"), ("Stage", "prod"), ("Retries", "3")));

        Assert.Equal(["Flow", "ProdOnly"], deployment.StateMachines.Select(m => m.LogicalId));
        Assert.Equal("orders", deployment.StateMachines[0].Name);
        Assert.Contains("\"Result\":\"ops/3\"", deployment.StateMachines[0].Definition, StringComparison.Ordinal);
        Assert.Equal(deployment.StateMachines[1].Arn, deployment.Outputs.Single(o => o.Name == "ProdArn").Value);
        Assert.Equal("production", deployment.Outputs.Single(o => o.Name == "Stage").Value);
    }

    [Fact]
    public void Read_ConditionCombinedWithNot_CanTurnResourceOff()
    {
        var deployment = Templates.Read(Template, parameters: Params(("Owner", "ops"), ("Stage", "prod"), ("Retries", "0")));

        Assert.Equal(["Flow"], deployment.StateMachines.Select(m => m.LogicalId));
        Assert.DoesNotContain(deployment.Resources, r => r.LogicalId == "ProdOnly");
    }

    [Fact]
    public void Read_RefToResourceWhoseConditionIsFalse_Fails()
    {
        var template = Template.Replace("Condition: ProdWithRetries\n    Value", "Condition: IsProd\n    Value", StringComparison.Ordinal);

        var error = Templates.ReadFails(template, Params(("Owner", "ops"), ("Stage", "prod"), ("Retries", "0")));

        Assert.Equal(
            "Output 'ProdArn', Value: refers to resource 'ProdOnly', which is not created because its condition 'ProdWithRetries' is false.",
            error.Message);
    }

    [Fact]
    public void Read_ParameterWithoutValue_FailsNamingIt()
    {
        var error = Templates.ReadFails(Template);

        Assert.Equal("Parameter 'Owner' has no value: it has no Default, so pass --parameter Owner=VALUE.", error.Message);
    }

    [Fact]
    public void Read_ValueOutsideAllowedValues_Fails()
    {
        var error = Templates.ReadFails(Template, Params(("Owner", "ops"), ("Stage", "qa")));

        Assert.Equal("Parameter 'Stage' value 'qa' is not one of its AllowedValues (dev, prod).", error.Message);
    }

    [Fact]
    public void Read_NumberParameterWithText_Fails()
    {
        var error = Templates.ReadFails(Template, Params(("Owner", "ops"), ("Retries", "many")));

        Assert.Equal("Parameter 'Retries' value 'many' is not a Number.", error.Message);
    }

    [Fact]
    public void Read_OverrideForUndeclaredParameter_Fails()
    {
        var error = Templates.ReadFails(Template, Params(("Owner", "ops"), ("Colour", "red")));

        Assert.Equal("Parameter 'Colour' was given a value but the template declares no such parameter.", error.Message);
    }

    [Fact]
    public void Read_ConditionsReferringToEachOther_FailsWithLoop()
    {
        var template = """
            Conditions:
              A: !Condition B
              B: !Not [!Condition A]
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Condition: A
                Properties:
                  DefinitionString: '{}'
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Condition 'A': circular reference between conditions: A -> B -> A.", error.Message);
    }
}
