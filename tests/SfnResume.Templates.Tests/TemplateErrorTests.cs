namespace SfnResume.Templates.Tests;

/// <summary>Each template the reader rejects, with the exact one-line message a user sees.</summary>
public sealed class TemplateErrorTests
{
    private const string PassDefinition = """'{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}'""";

    [Fact]
    public void Read_BrokenYaml_ReportsLineAndColumn()
    {
        const string template = "Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties: [a, b\n";

        var error = Templates.ReadFails(template);

        Assert.Equal("Template is not valid YAML at line 5, column 1: While parsing a flow sequence, did not find expected ',' or ']'.", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Read_BadIndentation_ReportsLine()
    {
        const string template = "Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n   Properties: {}\n";

        var error = Templates.ReadFails(template);

        Assert.StartsWith("Template is not valid YAML at line 4, column 4: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_BrokenJson_ReportsLineAndColumn()
    {
        const string template = "{\n  \"Resources\": {\n    \"Flow\": { \"Type\": }\n  }\n}";

        var error = Templates.ReadFails(template);

        Assert.Equal("Template is not valid JSON at line 3, column 23: '}' is an invalid start of a value.", error.Message);
        Assert.Equal(23, error.Column);
    }

    [Fact]
    public void Read_UnknownTag_ReportsTagAndLine()
    {
        const string template = "Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Foo bar\n";

        var error = Templates.ReadFails(template);

        Assert.Equal("Unknown tag '!Foo' at line 5, column 25 of the template.", error.Message);
    }

    [Fact]
    public void Read_DuplicateKey_ReportsLine()
    {
        const string template = "Resources:\n  Flow:\n    Type: AWS::SNS::Topic\n  Flow:\n    Type: AWS::SNS::Topic\n";

        var error = Templates.ReadFails(template);

        Assert.Equal("Template has a duplicate key 'Flow' at line 4, column 3.", error.Message);
    }

    [Fact]
    public void Read_GetAttOfMissingResource_NamesHolderAndProperty()
    {
        var template = $"""
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt MissingRole.Arn
                  DefinitionString: {PassDefinition}
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow', property RoleArn: Fn::GetAtt refers to resource 'MissingRole', which is not defined in the template.", error.Message);
        Assert.Equal("/Resources/Flow/Properties/RoleArn", error.Location);
    }

    [Fact]
    public void Read_MissingResourceInsideFunctionArguments_ReportsTheProperty()
    {
        var template = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Environment:
                    Variables:
                      TARGET: !Join ['', ['x', !GetAtt Nowhere.Arn]]
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Fn', property Environment.Variables.TARGET: Fn::GetAtt refers to resource 'Nowhere', which is not defined in the template.", error.Message);
    }

    [Fact]
    public void Read_SubOfMissingResource_NamesTheVariable()
    {
        var template = """
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: !Sub '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${Ghost.Arn}","End":true}}}'
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow', property DefinitionString: Fn::Sub refers to '${Ghost.Arn}', but resource 'Ghost' is not defined in the template.", error.Message);
    }

    [Fact]
    public void Read_RefToUnknownName_Fails()
    {
        var error = Templates.ReadFails(IntrinsicFunctionTests.Template("!Ref Nope"));

        Assert.Equal("Resource 'Fn', property Environment.Variables.V: Ref refers to 'Nope', which is not a parameter, resource or pseudo parameter of the template.", error.Message);
    }

    [Fact]
    public void Read_ImportValue_IsNotSupported()
    {
        var error = Templates.ReadFails(IntrinsicFunctionTests.Template("!ImportValue shared-table"));

        Assert.Equal(
            "Resource 'Fn', property Environment.Variables.V: Fn::ImportValue (!ImportValue) is not supported: the local engine has no other stacks to import from; use a parameter instead.",
            error.Message);
    }

    [Fact]
    public void Read_UnknownIntrinsicFunction_Fails()
    {
        var error = Templates.ReadFails(IntrinsicFunctionTests.Template("{'Fn::Reverse': abc}"));

        Assert.Equal("Resource 'Fn', property Environment.Variables.V: unknown intrinsic function 'Fn::Reverse'.", error.Message);
    }

    [Fact]
    public void Read_UnknownAttributeOfKnownType_ListsTheAttributes()
    {
        var error = Templates.ReadFails(IntrinsicFunctionTests.Template("!GetAtt Role.Name"));

        Assert.Equal(
            "Resource 'Fn', property Environment.Variables.V: Fn::GetAtt asks resource 'Role' (AWS::IAM::Role) for attribute 'Name', which it does not have (it has Arn, RoleId).",
            error.Message);
    }

    [Fact]
    public void Read_DefinitionS3Location_IsNotSupported()
    {
        var template = """
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionS3Location: {Bucket: defs, Key: flow.json}
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal(
            "Resource 'Flow', property DefinitionS3Location: DefinitionS3Location is not supported: the local engine cannot read from S3; put the definition in DefinitionString or Definition.",
            error.Message);
    }

    [Fact]
    public void Read_TagWithoutKey_Fails()
    {
        var template = $"""
            Resources:
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: {PassDefinition}
                  Tags: [team]
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow', property Tags: each tag must be a mapping with a Key and a Value.", error.Message);
    }

    [Fact]
    public void Read_DefinitionUriFileMissing_NamesTheFile()
    {
        var template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachine/missing.asl.json
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal(
            "Resource 'Flow', property DefinitionUri: definition file 'statemachine/missing.asl.json' does not exist (looked for /templates/statemachine/missing.asl.json).",
            error.Message);
    }

    [Fact]
    public void Read_CodeUriWithoutHandlerModule_NamesFilesLookedFor()
    {
        var template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs20.x
                  CodeUri: src/
                  Handler: app.handler
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal(
            "Resource 'Fn', property CodeUri: folder 'src/' has no app.js, app.mjs or app.cjs for Handler 'app.handler' (looked in /templates/src/).",
            error.Message);
    }

    [Fact]
    public void Read_CircularDependency_ListsTheLoop()
    {
        var template = """
            Resources:
              RoleA:
                Type: AWS::IAM::Role
                Properties:
                  Description: !GetAtt RoleB.Arn
              RoleB:
                Type: AWS::IAM::Role
                Properties:
                  Description: !Ref RoleA
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'RoleA': circular dependency between resources: RoleA -> RoleB -> RoleA.", error.Message);
    }

    [Fact]
    public void Read_ServerlessTypeWithoutTransform_Fails()
    {
        var error = Templates.ReadFails("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n");

        Assert.Equal("Resource 'Fn', Type: AWS::Serverless::Function needs 'Transform: AWS::Serverless-2016-10-31' at the top of the template.", error.Message);
    }

    [Fact]
    public void Read_TemplateWithoutResources_Fails()
    {
        var error = Templates.ReadFails("Description: nothing\n");

        Assert.Equal("Template has no Resources section; a stack needs at least one resource.", error.Message);
    }

    [Fact]
    public void Read_InvalidStackName_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Templates.Read(Templates.SeedTemplate, stackName: "1st_stack"));

        Assert.Equal(
            "Stack name '1st_stack' is not valid: it must start with a letter, hold only letters, digits and hyphens, and be at most 128 characters.",
            error.Message);
    }
}
