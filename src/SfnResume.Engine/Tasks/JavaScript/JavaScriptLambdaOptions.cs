namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>How a local JavaScript handler is configured, mirroring a Lambda function's configuration.</summary>
public sealed record JavaScriptLambdaOptions
{
    /// <summary>Function name seen as <c>context.functionName</c> and <c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string FunctionName { get; init; } = "local-function";

    /// <summary>The handler setting (<c>index.handler</c>, <c>app.lambdaHandler</c>): the part after the module name
    /// picks the export, nested with dots.</summary>
    public string Handler { get; init; } = "index.handler";

    /// <summary>The function's own timeout (Lambda's default is 3 s); past it the call fails with
    /// <see cref="LambdaErrorNames.SandboxTimedOut"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    public int MemoryLimitInMB { get; init; } = 128;

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Variables seen in <c>process.env</c> (the <c>AWS_*</c> ones are added unless given here).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Clock for timers, <c>Date.now()</c>, <c>getRemainingTimeInMillis()</c> and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Makes <c>awsRequestId</c> values (and <c>crypto.randomUUID()</c>). The default counts up
    /// deterministically.</summary>
    public Func<string>? RequestIdFactory { get; init; }

    /// <summary>Receives each <c>console.*</c> line as <c>LEVEL message</c>; lines are dropped when null.</summary>
    public Action<string>? Log { get; init; }
}
