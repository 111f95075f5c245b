namespace SfnResume.Engine.Tasks;

/// <summary>Error names AWS records for Lambda tasks, spelled as AWS spells them.</summary>
public static class LambdaErrorNames
{
    /// <summary>Lambda returned an error without an error type (e.g. <c>context.fail()</c> on the nodejs4.3 runtime,
    /// recorded in the seed history).</summary>
    public const string Unknown = "Lambda.Unknown";

    /// <summary>The function does not exist (recorded: <c>test_no_such_function</c>). Also used when no local handler,
    /// endpoint, mock or delegate serves a function.</summary>
    public const string ResourceNotFound = "Lambda.ResourceNotFoundException";

    /// <summary>The Invoke request never reached Lambda (the AWS SDK's client-side failure).</summary>
    public const string SdkClient = "Lambda.SdkClientException";

    /// <summary>The function ran past its own configured timeout (Lambda reports <c>errorType</c> <c>Sandbox.Timedout</c>).</summary>
    public const string SandboxTimedOut = "Sandbox.Timedout";

    /// <summary>The Node.js runtime could not load the handler module.</summary>
    public const string ImportModuleError = "Runtime.ImportModuleError";

    /// <summary>The handler module loaded but does not export the configured handler.</summary>
    public const string HandlerNotFound = "Runtime.HandlerNotFound";

    /// <summary>The handler module has a syntax error.</summary>
    public const string UserCodeSyntaxError = "Runtime.UserCodeSyntaxError";

    /// <summary>Cause AWS recorded for <see cref="Unknown"/> (seed history, events 24 and 28).</summary>
    public const string UnknownCause = "The cause could not be determined because Lambda did not return an error type.";

    /// <summary>
    /// The cause Lambda's Invoke API gives for a missing function, as Step Functions records it (recorded:
    /// <c>test_no_such_function</c>): the full function ARN, <c>:$LATEST</c> when no qualifier was given, and the
    /// AWS SDK's service-error suffix.
    /// </summary>
    public static string NotFoundCause(LambdaFunctionRef function, string region, string accountId, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(function);
        return $"Function not found: {function.ToArn(region, accountId)}{(function.Qualifier is null ? ":$LATEST" : "")} " +
            $"(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: {requestId}; Proxy: null)";
    }
}
