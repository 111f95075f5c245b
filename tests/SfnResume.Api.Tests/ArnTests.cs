namespace SfnResume.Api.Tests;

public sealed class ArnTests
{
    private static readonly ArnScope s_scope = new("aws", "us-east-1", "111111111111");

    [Fact]
    public void Build_EveryKind_ParsesBack()
    {
        AssertKind(Arns.StateMachine(s_scope, "m"), SfnArnKind.StateMachine, "arn:aws:states:us-east-1:111111111111:stateMachine:m");
        var version = AssertKind(Arns.StateMachineVersion(s_scope, "m", 3), SfnArnKind.StateMachineVersion, "arn:aws:states:us-east-1:111111111111:stateMachine:m:3");
        Assert.Equal(3, version.Version);
        Assert.Equal("PROD", AssertKind(Arns.StateMachineAlias(s_scope, "m", "PROD"), SfnArnKind.StateMachineAlias, null).Alias);
        var execution = AssertKind(Arns.Execution(s_scope, "m", "e"), SfnArnKind.Execution, "arn:aws:states:us-east-1:111111111111:execution:m:e");
        Assert.Equal(("m", "e"), (execution.Name, execution.ExecutionName));
        Assert.Equal(Arns.StateMachine(s_scope, "m"), execution.StateMachineArn);
        var express = AssertKind(Arns.ExpressExecution(s_scope, "m", "e", "00000000-0000-0000-0000-000000000001"), SfnArnKind.ExpressExecution,
            "arn:aws:states:us-east-1:111111111111:express:m:e:00000000-0000-0000-0000-000000000001");
        Assert.Equal("00000000-0000-0000-0000-000000000001", express.Id);
        var mapRun = AssertKind(Arns.MapRun(s_scope, "m", "Map", "id"), SfnArnKind.MapRun, "arn:aws:states:us-east-1:111111111111:mapRun:m/Map:id");
        Assert.Equal(("m", "Map", "id"), (mapRun.Name, mapRun.Label, mapRun.Id));
        Assert.Equal("Map", AssertKind(Arns.MapRunChildExecution(s_scope, "m", "Map", "c"), SfnArnKind.Execution, null).Label);
        AssertKind(Arns.Activity(s_scope, "act"), SfnArnKind.Activity, "arn:aws:states:us-east-1:111111111111:activity:act");
        AssertKind("arn:aws:states:us-east-1:111111111111:stateMachine:m/Map", SfnArnKind.LabelledStateMachine, null);
        Assert.Equal("arn:aws-cn:states:cn-north-1:1:stateMachine:x", Arns.StateMachine(new ArnScope("aws-cn", "cn-north-1", "1"), "x"));
    }

    [Theory]
    [InlineData("invalid_state_machine_arn")]
    [InlineData("arn:aws:lambda:us-east-1:111111111111:function:f")]
    [InlineData("arn:aws:states:us-east-1:111111111111:stateMachine")]
    [InlineData("arn:aws:states:us-east-1:111111111111:stateMachine:")]
    [InlineData("arn:aws:states:us-east-1:111111111111:execution:m")]
    [InlineData("arn:aws:states:us-east-1:111111111111:stateMachine:m:0")]
    public void Parse_NotAStepFunctionsArn_InvalidArnPrefix(string value)
    {
        var ex = Assert.Throws<SfnServiceException>(() => Arns.Parse(value));
        Assert.Equal("InvalidArn", ex.ErrorType);
        Assert.Equal($"Invalid Arn: 'Invalid ARN prefix: {value}'", ex.Message);
    }

    [Fact]
    public void ParseExecution_ExpressArn_ResourceTypeNotValid()
    {
        var ex = Assert.Throws<SfnServiceException>(() => Arns.ParseExecution(Arns.ExpressExecution(s_scope, "m", "e", "1")));
        Assert.Equal("Invalid Arn: 'Resource type not valid in this context: express'", ex.Message);
    }

    [Fact]
    public void ParseStateMachine_KindsInContext()
    {
        Assert.Equal(SfnArnKind.StateMachineVersion, Arns.ParseStateMachine(Arns.StateMachineVersion(s_scope, "m", 1)).Kind);
        Assert.Equal("InvalidArn", Assert.Throws<SfnServiceException>(() =>
            Arns.ParseStateMachine(Arns.StateMachineVersion(s_scope, "m", 1), allowQualified: false)).ErrorType);
        Assert.Equal("Invalid Arn: 'Resource type not valid in this context: execution'", Assert.Throws<SfnServiceException>(() =>
            Arns.ParseStateMachine(Arns.Execution(s_scope, "m", "e"))).Message);
        var labelled = Assert.Throws<SfnServiceException>(() => Arns.ParseStateMachine("arn:aws:states:us-east-1:111111111111:stateMachine:m/Map"));
        Assert.Equal(("ValidationException", "API_DOES_NOT_SUPPORT_LABELED_ARNS"), (labelled.ErrorType, labelled.Reason));
        Assert.Equal(SfnArnKind.Activity, Arns.ParseTaggable(Arns.Activity(s_scope, "a")).Kind);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("my-machine_1.2")]
    [InlineData("ünïcode")]
    [InlineData("emoji-😀")]
    [InlineData("parens(ok)+=@!'")]
    public void ResourceNames_Allowed(string name)
    {
        Assert.True(ResourceNames.IsValid(name));
        ResourceNames.EnsureValidCharacters(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("a<b")] [InlineData("a>b")] [InlineData("a{b")] [InlineData("a}b")] [InlineData("a[b")] [InlineData("a]b")]
    [InlineData("a?b")] [InlineData("a*b")] [InlineData("a\"b")] [InlineData("a#b")] [InlineData("a%b")] [InlineData("a\\b")]
    [InlineData("a^b")] [InlineData("a|b")] [InlineData("a~b")] [InlineData("a`b")] [InlineData("a$b")] [InlineData("a&b")]
    [InlineData("a,b")] [InlineData("a;b")] [InlineData("a:b")] [InlineData("a/b")]
    [InlineData("\u0000a")] [InlineData("a\u001f")] [InlineData("a\u007f")] [InlineData("a\u0085")] [InlineData("a\u009f")]
    public void ResourceNames_Forbidden(string name)
    {
        Assert.False(ResourceNames.IsValid(name));
        if (name.Length > 0)
        {
            var ex = Assert.Throws<SfnServiceException>(() => ResourceNames.EnsureValidCharacters(name));
            Assert.Equal($"Invalid Name: '{name}'", ex.Message);
        }
    }

    [Fact]
    public void ResourceNames_NonCharactersAndLoneSurrogates_Forbidden()
    {
        // Built here: theory data would pass them through the test runner's string serialisation.
        foreach (var name in new[] { "a" + '\uFFFE', "a" + '\uFFFF', "a" + '\uD800', '\uDC00' + "a" })
        {
            Assert.False(ResourceNames.HasValidCharacters(name));
        }
    }

    [Fact]
    public void ResourceNames_Length80Allowed81Not()
    {
        Assert.True(ResourceNames.IsValid(new string('a', 80)));
        Assert.False(ResourceNames.IsValid(new string('a', 81)));
    }

    private static SfnArn AssertKind(string text, SfnArnKind kind, string? expectedText)
    {
        if (expectedText is not null)
        {
            Assert.Equal(expectedText, text);
        }

        Assert.True(Arns.TryParse(text, out var arn));
        Assert.Equal(kind, arn.Kind);
        Assert.Equal(text, arn.Text);
        Assert.Equal(s_scope, arn.Scope);
        return arn;
    }
}
