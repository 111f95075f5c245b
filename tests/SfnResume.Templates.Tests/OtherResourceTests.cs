namespace SfnResume.Templates.Tests;

/// <summary>Resources the deployment does not create still answer Ref and Fn::GetAtt the way CloudFormation does.</summary>
public sealed class OtherResourceTests
{
    private static string Evaluate(string expression)
    {
        var template = IntrinsicFunctionTests.Template(expression).Replace(
            "  Role: {Type: AWS::IAM::Role}",
            """
              Role: {Type: AWS::IAM::Role}
              Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: jobs}}
              Bucket: {Type: AWS::S3::Bucket}
              Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders}}
              Topic: {Type: AWS::SNS::Topic}
              Api: {Type: AWS::ApiGateway::RestApi}
            """,
            StringComparison.Ordinal);
        return Templates.Read(template).Functions[0].Environment["V"];
    }

    [Theory]
    [InlineData("!Ref Queue", "^https://sqs\\.us-east-1\\.amazonaws\\.com/123456789012/jobs$")]
    [InlineData("!GetAtt Queue.Arn", "^arn:aws:sqs:us-east-1:123456789012:jobs$")]
    [InlineData("!Ref Bucket", "^demo-bucket-[a-z0-9]{13}$")]
    [InlineData("!GetAtt Bucket.Arn", "^arn:aws:s3:::demo-bucket-[a-z0-9]{13}$")]
    [InlineData("!GetAtt Table.Arn", "^arn:aws:dynamodb:us-east-1:123456789012:table/orders$")]
    [InlineData("!Ref Topic", "^arn:aws:sns:us-east-1:123456789012:demo-Topic-[A-Z0-9]{13}$")]
    [InlineData("!GetAtt Role.RoleId", "^AROA[A-Z0-9]{17}$")]
    [InlineData("!Ref Api", "^[a-z0-9]{10}$")]
    [InlineData("!GetAtt Api.RootResourceId", "^[a-z0-9]{10}$")]
    [InlineData("!GetAtt Api.RestApiId", "^[a-z0-9]{10}-RestApiId-[0-9a-f]{8}$")]
    public void Read_ReferenceToOtherResource_ResolvesLikeCloudFormation(string expression, string pattern)
    {
        Assert.Matches(pattern, Evaluate(expression));
    }

    [Fact]
    public void Read_ResourceNamedByParameter_UsesTheParameter()
    {
        var template = IntrinsicFunctionTests.Template("!GetAtt Role.Arn").Replace(
            "  Role: {Type: AWS::IAM::Role}",
            "  Role: {Type: AWS::IAM::Role, Properties: {RoleName: !Sub 'runner-${Env}'}}",
            StringComparison.Ordinal);

        Assert.Equal("arn:aws:iam::123456789012:role/runner-prod", Templates.Read(template).Functions[0].RoleArn);
    }

    [Fact]
    public void Read_NameReferringToItself_FailsWithLoop()
    {
        var template = IntrinsicFunctionTests.Template("x").Replace(
            "  Role: {Type: AWS::IAM::Role}",
            "  Role: {Type: AWS::IAM::Role, Properties: {RoleName: !Sub '${Role.Arn}-x'}}",
            StringComparison.Ordinal);

        var error = Templates.ReadFails(template);

        Assert.Equal("Resource 'Role': circular dependency between resources: Role -> Role.", error.Message);
    }
}
