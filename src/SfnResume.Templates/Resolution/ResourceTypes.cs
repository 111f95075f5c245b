namespace SfnResume.Templates.Resolution;

/// <summary>
/// How each resource type is named and what <c>Ref</c> and <c>Fn::GetAtt</c> return for it. Return values are
/// those in each type's "Return values" section of the CloudFormation resource reference
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html).
/// Only the types a state machine deployment leans on are listed; others get a generic name and ARN.
/// </summary>
internal static class ResourceTypes
{
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string ServerlessFunction = "AWS::Serverless::Function";
    public const string StateMachine = "AWS::StepFunctions::StateMachine";
    public const string ServerlessStateMachine = "AWS::Serverless::StateMachine";
    public const string IamRole = "AWS::IAM::Role";

    /// <summary>The property that names the resource, the longest name the service accepts, and the shape of the
    /// name CloudFormation generates when the property is left out.</summary>
    public static (string? NameProperty, int MaxLength, NameStyle Style) Naming(string type) => type switch
    {
        LambdaFunction or ServerlessFunction => ("FunctionName", 64, NameStyle.StackAndLogicalId),
        StateMachine => ("StateMachineName", 80, NameStyle.LogicalIdOnly),
        ServerlessStateMachine => ("Name", 80, NameStyle.LogicalIdOnly),
        IamRole => ("RoleName", 64, NameStyle.StackAndLogicalId),
        "AWS::S3::Bucket" => ("BucketName", 63, NameStyle.StackAndLogicalIdLower),
        "AWS::SNS::Topic" => ("TopicName", 256, NameStyle.StackAndLogicalId),
        "AWS::SQS::Queue" => ("QueueName", 80, NameStyle.StackAndLogicalId),
        "AWS::DynamoDB::Table" => ("TableName", 255, NameStyle.StackAndLogicalId),
        "AWS::Logs::LogGroup" => ("LogGroupName", 512, NameStyle.StackAndLogicalId),
        "AWS::Events::Rule" or "AWS::Events::EventBus" => ("Name", 64, NameStyle.StackAndLogicalId),
        _ => (null, 128, NameStyle.StackAndLogicalId),
    };

    public static ResourceIdentity Identify(string type, string logicalId, string name, string? rolePath, StackEnvironment env)
    {
        var p = env.Partition;
        var r = env.Region;
        var a = env.AccountId;
        switch (type)
        {
            case LambdaFunction or ServerlessFunction:
                return Known(name, name, ("Arn", $"arn:{p}:lambda:{r}:{a}:function:{name}"));
            case StateMachine or ServerlessStateMachine:
            {
                var arn = $"arn:{p}:states:{r}:{a}:stateMachine:{name}";
                return Known(arn, arn, ("Arn", arn), ("Name", name), ("StateMachineRevisionId", arn));
            }

            case IamRole:
            {
                var path = string.IsNullOrEmpty(rolePath) ? "/" : rolePath;
                return Known(
                    name,
                    name,
                    ("Arn", $"arn:{p}:iam::{a}:role{path}{name}"),
                    ("RoleId", "AROA" + PhysicalNames.Suffix(env.StackName, logicalId + "/RoleId", 17)));
            }

            case "AWS::S3::Bucket":
                return Open(name, name, ("Arn", $"arn:{p}:s3:::{name}"), ("DomainName", $"{name}.s3.{env.UrlSuffix}"),
                    ("RegionalDomainName", $"{name}.s3.{r}.{env.UrlSuffix}"));
            case "AWS::SNS::Topic":
            {
                var arn = $"arn:{p}:sns:{r}:{a}:{name}";
                return Open(name, arn, ("TopicArn", arn), ("TopicName", name));
            }

            case "AWS::SQS::Queue":
            {
                var url = $"https://sqs.{r}.{env.UrlSuffix}/{a}/{name}";
                return Open(url, url, ("Arn", $"arn:{p}:sqs:{r}:{a}:{name}"), ("QueueName", name), ("QueueUrl", url));
            }

            case "AWS::DynamoDB::Table":
                return Open(name, name, ("Arn", $"arn:{p}:dynamodb:{r}:{a}:table/{name}"));
            case "AWS::Logs::LogGroup":
                return Open(name, name, ("Arn", $"arn:{p}:logs:{r}:{a}:log-group:{name}:*"));
            case "AWS::Events::Rule":
                return Open(name, name, ("Arn", $"arn:{p}:events:{r}:{a}:rule/{name}"));
            case "AWS::Events::EventBus":
                return Open(name, name, ("Arn", $"arn:{p}:events:{r}:{a}:event-bus/{name}"), ("Name", name));
            case "AWS::ApiGateway::RestApi" or "AWS::ApiGatewayV2::Api":
            {
                // Ref is the API id, ten lower-case characters, not the name.
                var apiId = PhysicalNames.Suffix(env.StackName, logicalId, 10).ToLowerInvariant();
                return Open(apiId, apiId, ("RootResourceId", PhysicalNames.Suffix(env.StackName, logicalId + "/Root", 10).ToLowerInvariant()),
                    ("ApiEndpoint", $"https://{apiId}.execute-api.{r}.{env.UrlSuffix}"));
            }

            default:
            {
                var parts = type.Split("::");
                var service = parts.Length > 1 ? parts[1].ToLowerInvariant() : "unknown";
                var kind = parts.Length > 2 ? parts[2].ToLowerInvariant() : "resource";
                return Open(name, name, ("Arn", $"arn:{p}:{service}:{r}:{a}:{kind}/{name}"));
            }
        }
    }

    private static ResourceIdentity Known(string physicalId, string refValue, params (string Name, string Value)[] attributes) =>
        new(physicalId, refValue, attributes.ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal), KnownType: true);

    private static ResourceIdentity Open(string physicalId, string refValue, params (string Name, string Value)[] attributes) =>
        new(physicalId, refValue, attributes.ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal), KnownType: false);

    /// <summary>A stable stand-in for an attribute of a type this reader does not model (e.g. an API's RootResourceId).</summary>
    public static string Placeholder(string physicalId, string attribute)
    {
        return $"{physicalId}-{attribute}-{PhysicalNames.HexTag(physicalId + "\n" + attribute)}";
    }
}
