using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Tasks;

public sealed class LambdaFunctionRefTests
{
    [Theory]
    [InlineData("arn:aws:lambda:us-west-2:016893804762:function:ResumeFromState-FirstLambda-5SYGJE8Z13GM", "ResumeFromState-FirstLambda-5SYGJE8Z13GM", null, "us-west-2", "016893804762")]
    [InlineData("arn:aws:lambda:us-east-1:111111111111:function:identity:live", "identity", "live", "us-east-1", "111111111111")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:111111111111:function:identity:$LATEST", "identity", "$LATEST", "cn-north-1", "111111111111")]
    [InlineData("111111111111:function:fail3-then-succeed:3", "fail3-then-succeed", "3", null, "111111111111")]
    [InlineData("my_function", "my_function", null, null, null)]
    [InlineData("my-function:7", "my-function", "7", null, null)]
    public void Parse_AcceptedForms_GiveNameAndQualifier(string text, string name, string? qualifier, string? region, string? account)
    {
        var parsed = LambdaFunctionRef.Parse(text);

        Assert.Equal(new LambdaFunctionRef(text, name, qualifier, region, account), parsed);
    }

    [Theory]
    [InlineData("arn:aws:states:::lambda:invoke")]
    [InlineData("arn:aws:lambda:us-east-1:1:layer:x")]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("a:b:c:d:e")]
    public void Parse_NotAFunction_ThrowsFormatExceptionQuotingTheText(string text)
    {
        var ex = Assert.Throws<FormatException>(() => LambdaFunctionRef.Parse(text));

        Assert.Contains("'" + text + "'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:111111111111:function:x", true, false)]
    [InlineData("arn:aws:states:::lambda:invoke", false, true)]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", false, true)]
    [InlineData("arn:aws:states:::sqs:sendMessage", false, false)]
    public void ResourceKinds_AreRecognised(string resource, bool functionArn, bool invoke)
    {
        Assert.Equal(functionArn, LambdaFunctionRef.IsFunctionArn(resource));
        Assert.Equal(invoke, LambdaFunctionRef.IsInvokeResource(resource));
    }

    [Fact]
    public void FromInvokeParameters_ReadsFunctionQualifierAndPayload()
    {
        var (function, payload) = LambdaFunctionRef.FromInvokeParameters(JsonNode.Parse(
            "{\"FunctionName\":\"arn:aws:lambda:us-east-1:111111111111:function:charge\",\"Qualifier\":\"prod\",\"Payload\":{\"a\":[1]}}"));

        Assert.Equal("charge", function.Name);
        Assert.Equal("prod", function.Qualifier);
        Assert.Equal("{\"a\":[1]}", payload!.ToJsonString());
    }

    [Theory]
    [InlineData("{\"FunctionName\":\"f\",\"Payload\":\"0.0\"}", "0.0")]
    [InlineData("{\"FunctionName\":\"f\",\"Payload\":\"{}\"}", "{}")]
    [InlineData("{\"FunctionName\":\"f\",\"Payload\":\"HelloWorld\"}", "\"HelloWorld\"")]
    [InlineData("{\"FunctionName\":\"f\"}", "{}")]
    [InlineData("{\"FunctionName\":\"f\",\"Payload\":null}", "{}")]
    public void FromInvokeParameters_PayloadForms(string parameters, string expected)
    {
        var (_, payload) = LambdaFunctionRef.FromInvokeParameters(JsonNode.Parse(parameters));

        Assert.Equal(expected, payload?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("{\"Payload\":{}}")]
    [InlineData("{\"FunctionName\":5}")]
    [InlineData("{\"FunctionName\":\"f:1\",\"Qualifier\":\"2\"}")]
    [InlineData("[]")]
    public void FromInvokeParameters_Unusable_Throws(string parameters)
    {
        Assert.Throws<FormatException>(() => LambdaFunctionRef.FromInvokeParameters(JsonNode.Parse(parameters)));
    }

    [Fact]
    public void ToArn_FillsMissingRegionAndAccount()
    {
        Assert.Equal("arn:aws:lambda:eu-west-1:123:function:f:v2", LambdaFunctionRef.Parse("f:v2").ToArn("eu-west-1", "123"));
    }
}
