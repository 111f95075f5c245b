using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Tasks;

public sealed class LambdaHandlerMappingTests
{
    [Theory]
    [InlineData("identity=lambdas/identity.js", "identity", "lambdas/identity.js")]
    [InlineData("arn:aws:lambda:us-east-1:1:function:charge:live=./charge.js", "charge", "./charge.js")]
    [InlineData(" flaky = /tmp/a=b.js", "flaky", "/tmp/a=b.js")]
    public void Parse_NameAndFile(string text, string name, string path)
    {
        Assert.Equal(new LambdaHandlerMapping(name, path), LambdaHandlerMapping.Parse(text));
    }

    [Theory]
    [InlineData("identity.js")]
    [InlineData("=x.js")]
    [InlineData("name=")]
    [InlineData("bad name=x.js")]
    public void Parse_Malformed_ThrowsOneLine(string text)
    {
        var ex = Assert.Throws<FormatException>(() => LambdaHandlerMapping.Parse(text));

        Assert.StartsWith("--lambda '" + text + "'", ex.Message, StringComparison.Ordinal);
    }
}
