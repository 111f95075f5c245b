using System.Text.RegularExpressions;

namespace SfnResume.Templates.Tests;

/// <summary>Every short-form tag against its long form, through one function's environment variable.</summary>
public sealed class IntrinsicFunctionTests
{
    private const string RoleArnPattern = @"arn:aws:iam::123456789012:role/demo-Role-[A-Z0-9]{13}";

    public static TheoryData<string, string, string> Functions => new()
    {
        { "!Ref Env", "{Ref: Env}", Regex.Escape("prod") },
        { "!Sub '${Env}-${AWS::Region}'", "{'Fn::Sub': '${Env}-${AWS::Region}'}", Regex.Escape("prod-us-east-1") },
        { "!Sub ['${A}-x', {A: !Ref Env}]", "{'Fn::Sub': ['${A}-x', {A: {Ref: Env}}]}", Regex.Escape("prod-x") },
        { "!Sub '${!Literal}-${AWS::Partition}'", "{'Fn::Sub': '${!Literal}-${AWS::Partition}'}", Regex.Escape("${Literal}-aws") },
        { "!Sub '${Role.Arn}'", "{'Fn::Sub': '${Role.Arn}'}", RoleArnPattern },
        { "!GetAtt Role.Arn", "{'Fn::GetAtt': [Role, Arn]}", RoleArnPattern },
        { "!GetAtt [Role, Arn]", "{'Fn::GetAtt': 'Role.Arn'}", RoleArnPattern },
        { "!Ref Role", "{Ref: Role}", "demo-Role-[A-Z0-9]{13}" },
        { "!Join [':', [a, !Ref Env]]", "{'Fn::Join': [':', [a, {Ref: Env}]]}", Regex.Escape("a:prod") },
        { "!Select [1, [x, y, z]]", "{'Fn::Select': ['1', [x, y, z]]}", Regex.Escape("y") },
        { "!Join ['|', !Split [',', 'a,b']]", "{'Fn::Join': ['|', {'Fn::Split': [',', 'a,b']}]}", Regex.Escape("a|b") },
        { "!If [IsProd, yes-prod, not-prod]", "{'Fn::If': [IsProd, yes-prod, not-prod]}", Regex.Escape("yes-prod") },
        { "!Equals [a, a]", "{'Fn::Equals': [a, a]}", Regex.Escape("true") },
        { "!Not [!Equals [a, a]]", "{'Fn::Not': [{'Fn::Equals': [a, a]}]}", Regex.Escape("false") },
        { "!And [!Condition IsProd, !Equals [a, b]]", "{'Fn::And': [{Condition: IsProd}, {'Fn::Equals': [a, b]}]}", Regex.Escape("false") },
        { "!Or [!Condition IsProd, !Equals [a, b]]", "{'Fn::Or': [{Condition: IsProd}, {'Fn::Equals': [a, b]}]}", Regex.Escape("true") },
        { "!FindInMap [Regions, !Ref 'AWS::Region', Ami]", "{'Fn::FindInMap': [Regions, {Ref: 'AWS::Region'}, Ami]}", Regex.Escape("ami-east") },
        { "!Base64 hello", "{'Fn::Base64': hello}", Regex.Escape("aGVsbG8=") },
        { "!Join [',', !GetAZs '']", "{'Fn::Join': [',', {'Fn::GetAZs': ''}]}", Regex.Escape("us-east-1a,us-east-1b,us-east-1c") },
        { "!Select [0, !GetAZs us-west-2]", "{'Fn::Select': [0, {'Fn::GetAZs': us-west-2}]}", Regex.Escape("us-west-2a") },
        { "!Join ['+', !Ref Subnets]", "{'Fn::Join': ['+', {Ref: Subnets}]}", Regex.Escape("a+b+c") },
    };

    public static TheoryData<string, string> PseudoParameters => new()
    {
        { "AWS::AccountId", Regex.Escape("123456789012") },
        { "AWS::Partition", Regex.Escape("aws") },
        { "AWS::Region", Regex.Escape("us-east-1") },
        { "AWS::StackName", Regex.Escape("demo") },
        { "AWS::URLSuffix", Regex.Escape("amazonaws.com") },
        { "AWS::StackId", @"arn:aws:cloudformation:us-east-1:123456789012:stack/demo/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" },
    };

    internal static string Template(string expression) => $$"""
        Parameters:
          Env: {Type: String, Default: prod}
          Subnets: {Type: CommaDelimitedList, Default: 'a, b,c'}
        Mappings:
          Regions:
            us-east-1: {Ami: ami-east}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Role: {Type: AWS::IAM::Role}
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              Role: !GetAtt Role.Arn
              Code: {ZipFile: 'exports.handler = async () => 1;'}
              Environment:
                Variables:
                  V: {{expression}}
        """;

    internal static string Evaluate(string expression) => Templates.Read(Template(expression)).Functions[0].Environment["V"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Read_ShortAndLongForm_ResolveToSameValue(string shortForm, string longForm, string expectedPattern)
    {
        var viaShort = Evaluate(shortForm);
        var viaLong = Evaluate(longForm);

        Assert.Matches("^" + expectedPattern + "$", viaShort);
        Assert.Equal(viaShort, viaLong);
    }

    [Theory]
    [MemberData(nameof(PseudoParameters))]
    public void Read_PseudoParameter_ResolvesForStack(string name, string expectedPattern)
    {
        Assert.Matches("^" + expectedPattern + "$", Evaluate($"!Ref '{name}'"));
        Assert.Matches("^" + expectedPattern + "$", Evaluate($"!Sub '${{{name}}}'"));
    }

    [Fact]
    public void Read_RegionOption_ChangesRegionAndArns()
    {
        var deployment = Templates.Read(Template("!Ref AWS::Region"), region: "eu-west-1");

        Assert.Equal("eu-west-1", deployment.Functions[0].Environment["V"]);
        Assert.StartsWith("arn:aws:lambda:eu-west-1:123456789012:function:demo-Fn-", deployment.Functions[0].Arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoValueInIf_DropsTheProperty()
    {
        var deployment = Templates.Read(Template("!If [IsProd, !Ref AWS::NoValue, kept]"));

        Assert.False(deployment.Functions[0].Environment.ContainsKey("V"));
    }

    [Fact]
    public void Read_NoValueInList_DropsTheElement()
    {
        Assert.Equal("a,c", Evaluate("!Join [',', [a, !If [IsProd, !Ref AWS::NoValue, b], c]]"));
    }

    [Fact]
    public void Read_SubWithMultilineTemplate_KeepsTextAndSubstitutes()
    {
        // The template ends right after the block, so the block has no final line break to keep.
        Assert.Equal("line prod\nnext 123456789012", Evaluate("!Sub |\n            line ${Env}\n            next ${AWS::AccountId}"));
    }

    [Fact]
    public void Read_YamlAnchorAndAlias_CopiesTheValue()
    {
        var template = Template("&name !Sub '${Env}-x'\n          W: *name");
        var environment = Templates.Read(template).Functions[0].Environment;

        Assert.Equal("prod-x", environment["V"]);
        Assert.Equal("prod-x", environment["W"]);
    }
}
