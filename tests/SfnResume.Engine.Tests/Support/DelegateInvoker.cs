using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;

namespace SfnResume.Engine.Tests.Support;

/// <summary>Serves every Lambda call from an in-process function chosen by function name.</summary>
internal sealed class DelegateInvoker : ILambdaInvoker
{
    private readonly Dictionary<string, Func<LambdaInvocation, LambdaOutcome>> _functions = new(StringComparer.Ordinal);

    public List<LambdaInvocation> Calls { get; } = [];

    public DelegateInvoker Add(string name, Func<LambdaInvocation, LambdaOutcome> function)
    {
        _functions[name] = function;
        return this;
    }

    public DelegateInvoker Add(string name, Func<JsonNode?, JsonNode?> function) =>
        Add(name, invocation => new LambdaOutcome.Succeeded(function(invocation.Payload)));

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        Calls.Add(invocation);
        return _functions.TryGetValue(invocation.Function.Name, out var function)
            ? new ValueTask<LambdaOutcome>(function(invocation))
            : new ValueTask<LambdaOutcome>(NotFound(invocation.Function));
    }

    /// <summary>What Lambda answers for a function that does not exist, as Step Functions records it.</summary>
    public static LambdaOutcome.Failed NotFound(LambdaFunctionRef function) =>
        new(
            "Lambda.ResourceNotFoundException",
            "Function not found: arn:aws:lambda:" + (function.Region ?? "us-east-1") + ":" + (function.AccountId ?? "111111111111") + ":function:" + function.Name + ":"
                + (function.Qualifier ?? "$LATEST") + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                + Guid.NewGuid() + "; Proxy: null)");

    /// <summary>The cause a Node.js handler's thrown error gets: its errorType and errorMessage as JSON.</summary>
    public static LambdaOutcome.Failed Thrown(string errorType, string message) =>
        new(errorType, new JsonObject { ["errorType"] = errorType, ["errorMessage"] = message, ["trace"] = new JsonArray() }.ToJsonString());
}
