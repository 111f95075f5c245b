using System.Text.Json.Nodes;
using SfnResume.Cli.Tests.Store;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Deploy;

public sealed class DeployCommandTests : IDisposable
{
    private readonly StateDirFixture _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Deploy_SeedTemplate_CreatesTwoFunctionsAndTheStateMachine()
    {
        var deploy = await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate, "--output", "json");

        Assert.True(deploy.ExitCode == 0, deploy.Error);
        var resources = JsonNode.Parse(deploy.Out)!["resources"]!.AsArray();
        Assert.Equal(["FirstLambda", "SecondLambda", "ResumeFromStateExample"], resources.Select(r => (string)r!["logicalId"]!));
        Assert.All(resources, r => Assert.Equal("created", (string?)r!["action"]));
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:stateMachine:ResumeFromStateExample-", (string?)resources[2]!["arn"]);
    }

    [Fact]
    public async Task Deploy_Again_LeavesAnUnchangedStackUnchanged()
    {
        await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate);

        var again = await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate, "--output", "json");

        Assert.Equal(0, again.ExitCode);
        Assert.All(JsonNode.Parse(again.Out)!["resources"]!.AsArray(), r => Assert.Equal("unchanged", (string?)r!["action"]));
    }

    [Fact]
    public async Task Deploy_SamApp_SubstitutesTheDefinitionAndRunsTheLocalAndInlineFunctions()
    {
        var deploy = await _dir.RunAsync("deploy", StateDirFixture.SamTemplate, "--stack-name", "shop", "--parameter", "Stage=prod");

        Assert.True(deploy.ExitCode == 0, deploy.Error);
        Assert.Contains("python3.12 code does not run locally", deploy.Out);
        Assert.Contains("audit-prod", deploy.Out);

        var order = await _dir.RunAsync("start", "OrderStateMachine", "--input", """{"amount":5}""", "--output", "json");
        Assert.True(order.ExitCode == 0, order.Out + order.Error);
        var payload = JsonNode.Parse(order.Out)!["output"]!["Payload"]!;
        Assert.Equal(5, (int)payload["charged"]!);
        Assert.Equal("prod", (string?)payload["stage"]);
        Assert.True((bool)payload["notified"]!);

        var audit = await _dir.RunAsync("start", "audit-prod", "--input", """{"a":1}""", "--output", "json");
        Assert.Equal(0, audit.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"notified":true}"""), JsonNode.Parse(audit.Out)!["output"]));
    }

    [Theory]
    [InlineData("broken", "Resources: [a: b\n")]
    [InlineData("unknown-tag", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Frobnicate x\n      RoleArn: arn:aws:iam::123456789012:role/r\n")]
    [InlineData("missing-getatt", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: '{}'\n      RoleArn: !GetAtt NoSuchRole.Arn\n")]
    [InlineData("invalid-definition", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: '{\"StartAt\": \"A\", \"States\": {}}'\n      RoleArn: arn:aws:iam::123456789012:role/r\n")]
    public async Task Deploy_BadTemplate_IsOneClearLineAndExitTwo(string name, string template)
    {
        var path = Path.Combine(_dir.Root, name + ".yaml");
        File.WriteAllText(path, template);

        var deploy = await _dir.RunAsync("deploy", path);

        Assert.Equal(2, deploy.ExitCode);
        Assert.Equal("", deploy.Out);
        Assert.StartsWith("error: ", deploy.Error);
        Assert.Single(deploy.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Deploy_InvalidDefinition_NamesTheResource()
    {
        var path = Path.Combine(_dir.Root, "bad.yaml");
        File.WriteAllText(path, "Resources:\n  Orders:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineName: orders\n      DefinitionString: '{\"StartAt\": \"A\", \"States\": {}}'\n      RoleArn: arn:aws:iam::123456789012:role/r\n");

        var deploy = await _dir.RunAsync("deploy", path);

        Assert.Equal(2, deploy.ExitCode);
        Assert.StartsWith("error: resource 'Orders' (state machine orders): InvalidDefinition: ", deploy.Error);
    }

    [Fact]
    public async Task Deploy_MissingTemplateFile_IsOneLineAndExitTwo()
    {
        var deploy = await _dir.RunAsync("deploy", Path.Combine(_dir.Root, "nope.yaml"));

        Assert.Equal(2, deploy.ExitCode);
        Assert.Contains("does not exist", deploy.Error);
    }

    [Fact]
    public async Task Help_IsPinned()
    {
        var run = await CliRunner.RunAsync("deploy", "--help");

        Assert.Equal(0, run.ExitCode);
        Golden.AssertText(run.Out, "testdata/deploy-help.txt");
    }
}
