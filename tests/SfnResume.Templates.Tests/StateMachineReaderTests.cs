namespace SfnResume.Templates.Tests;

public sealed class StateMachineReaderTests
{
    private const string Head = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Greeting: {Type: String, Default: hello}
        Resources:
          Worker:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: worker
              Runtime: nodejs20.x
              Handler: index.handler
              Code: {ZipFile: 'exports.handler = async (e) => e;'}

        """;

    [Fact]
    public void Read_DefinitionStringWithSubstitutions_ReplacesOnlyKnownKeys()
    {
        var template = Head + """
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionString: '{"Comment":"${Greeting} ${Unknown}","StartAt":"T","States":{"T":{"Type":"Task","Resource":"${WorkerArn}","End":true}}}'
                  DefinitionSubstitutions:
                    WorkerArn: !GetAtt Worker.Arn
                    Greeting: !Sub '${Greeting}, world'
            """;

        var machine = Templates.Read(template).StateMachines[0];

        Assert.Equal(
            """{"Comment":"hello, world ${Unknown}","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:worker","End":true}}}""",
            machine.Definition);
    }

    [Fact]
    public void Read_DefinitionUriJsonFile_KeepsFileTextAndSubstitutes()
    {
        const string file = "{\n  \"StartAt\": \"T\",\n  \"States\": { \"T\": { \"Type\": \"Task\", \"Resource\": \"${Fn}\", \"End\": true } }\n}\n";
        var files = new InMemoryFiles().Add("/templates/flow.asl.json", file);
        var template = Head + """
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: flow.asl.json
                  DefinitionSubstitutions: {Fn: !Ref Worker}
                  Role: arn:aws:iam::123456789012:role/given
            """;

        var machine = Templates.Read(template, files: files).StateMachines[0];

        Assert.Equal(file.Replace("${Fn}", "worker", StringComparison.Ordinal), machine.Definition);
        Assert.Equal("arn:aws:iam::123456789012:role/given", machine.RoleArn);
        Assert.DoesNotContain(Templates.Read(template, files: files).Resources, r => r.LogicalId == "FlowRole");
    }

    [Fact]
    public void Read_DefinitionUriInS3_IsNotSupported()
    {
        var template = Head + """
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: {Bucket: defs, Key: flow.json}
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow', property DefinitionUri: DefinitionUri in S3 is not supported: the local engine reads only local definition files.", error.Message);
    }

    [Fact]
    public void Read_BrokenDefinitionFile_NamesTheFile()
    {
        var files = new InMemoryFiles().Add("/templates/flow.asl.yaml", "StartAt: T\nStates: [\n");
        var template = Head + """
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: flow.asl.yaml
            """;

        var error = Templates.ReadFails(template, files: files);

        Assert.StartsWith("Definition file 'flow.asl.yaml' is not valid YAML at line 3, column 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StateMachineWithoutDefinition_Fails()
    {
        var template = Head + """
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/r
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow': a state machine needs DefinitionString, Definition or DefinitionS3Location.", error.Message);
    }

    [Fact]
    public void Read_UnknownStateMachineType_Fails()
    {
        var template = Head + """
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineType: FAST
                  DefinitionString: '{}'
            """;

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Flow', property StateMachineType: state machine type 'FAST' is not STANDARD or EXPRESS.", error.Message);
    }

    [Fact]
    public void Read_GlobalsStateMachine_AppliesToServerlessStateMachines()
    {
        var template = Head.Replace("Resources:", "Globals:\n  StateMachine:\n    Type: EXPRESS\nResources:", StringComparison.Ordinal) + """
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}
            """;

        Assert.Equal("EXPRESS", Templates.Read(template).StateMachines[0].Type);
    }
}
