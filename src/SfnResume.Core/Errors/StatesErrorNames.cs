namespace SfnResume.Core.Errors;

/// <summary>
/// Error names reserved by the Amazon States Language, spelled exactly as AWS reports them
/// (https://states-language.net/#appendix-a-predefined-error-codes and the AWS Developer Guide
/// "Error handling in Step Functions" page), plus the Lambda integration names seen in recorded histories.
/// </summary>
public static class StatesErrorNames
{
    /// <summary>Prefix reserved for predefined names; user errors must not start with it.</summary>
    public const string Prefix = "States.";

    public const string All = "States.ALL";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Timeout = "States.Timeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
    public const string Runtime = "States.Runtime";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string HttpSocket = "States.Http.Socket";

    // Lambda service exceptions surface as "Lambda.<ExceptionName>"; unhandled function failures as Lambda.Unknown.
    public const string LambdaUnknown = "Lambda.Unknown";
    public const string LambdaServiceException = "Lambda.ServiceException";
    public const string LambdaSdkClientException = "Lambda.SdkClientException";
    public const string LambdaResourceNotFoundException = "Lambda.ResourceNotFoundException";
    public const string LambdaTooManyRequestsException = "Lambda.TooManyRequestsException";
    public const string LambdaAwsLambdaException = "Lambda.AWSLambdaException";

    /// <summary>True when <paramref name="error"/> uses the reserved <c>States.</c> prefix.</summary>
    public static bool IsReserved(string error) => error.StartsWith(Prefix, StringComparison.Ordinal);
}
