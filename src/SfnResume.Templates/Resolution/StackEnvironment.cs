namespace SfnResume.Templates.Resolution;

/// <summary>The values behind the pseudo parameters (AWS::Region, AWS::Partition, ...).</summary>
internal sealed record StackEnvironment(string StackName, string Region, string AccountId)
{
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    public string StackId =>
        $"arn:{Partition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/{PhysicalNames.StackGuid(StackName):D}";
}
