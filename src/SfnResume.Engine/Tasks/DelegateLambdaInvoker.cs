using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks;

/// <summary>Serves functions with C# delegates, by function name (for library users and benchmarks).</summary>
public sealed class DelegateLambdaInvoker : ILambdaInvoker
{
    private readonly Dictionary<string, Func<LambdaInvocation, CancellationToken, ValueTask<LambdaOutcome>>> _functions = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="functionName"/> with a function from event to result. A
    /// <see cref="LambdaFunctionException"/> fails the task with its error type; any other exception fails it under the
    /// exception's type name, as the .NET Lambda runtime reports it.</summary>
    public DelegateLambdaInvoker Add(string functionName, Func<JsonNode?, JsonNode?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Add(functionName, (invocation, _) => new ValueTask<LambdaOutcome>(Run(function, invocation.Payload)));
    }

    /// <summary>Serves <paramref name="functionName"/> with full control of the outcome.</summary>
    public DelegateLambdaInvoker Add(string functionName, Func<LambdaInvocation, CancellationToken, ValueTask<LambdaOutcome>> function)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(function);
        _functions[functionName] = function;
        Version++;
        return this;
    }

    /// <summary>Counts the functions added, so a route taken earlier (<see cref="Bind"/>) knows when it is stale.</summary>
    internal int Version { get; private set; }

    /// <summary>The function serving <paramref name="functionName"/> as an invoker of its own, or null when none does.</summary>
    internal ILambdaInvoker? Bind(string functionName) =>
        _functions.TryGetValue(functionName, out var function) ? new BoundFunction(function) : null;

    public bool Serves(string functionName) => _functions.ContainsKey(functionName);

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return _functions.TryGetValue(invocation.Function.Name, out var function)
            ? function(invocation, cancellationToken)
            : new ValueTask<LambdaOutcome>(LambdaResolver.NotServed(invocation));
    }

    private static LambdaOutcome Run(Func<JsonNode?, JsonNode?> function, JsonNode? payload)
    {
        try
        {
            return new LambdaOutcome.Succeeded(function(payload));
        }
#pragma warning disable CA1031 // A function's exception is its failure outcome, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var errorType = ex is LambdaFunctionException lfe ? lfe.ErrorType : ex.GetType().Name;
            return new LambdaOutcome.Failed(errorType, JsonText.NodeError(errorType, ex.Message, []));
        }
    }
}

/// <summary>One delegate, called without looking its name up again.</summary>
internal sealed class BoundFunction(Func<LambdaInvocation, CancellationToken, ValueTask<LambdaOutcome>> function) : ILambdaInvoker
{
    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
        function(invocation, cancellationToken);
}

/// <summary>Thrown by a C# function to fail with a chosen error type (what Retry and Catch match).</summary>
public sealed class LambdaFunctionException : Exception
{
    public LambdaFunctionException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    public LambdaFunctionException()
        : this("Exception", "")
    {
    }

    public LambdaFunctionException(string message)
        : this("Exception", message)
    {
    }

    public LambdaFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "Exception";
    }

    public string ErrorType { get; }
}
