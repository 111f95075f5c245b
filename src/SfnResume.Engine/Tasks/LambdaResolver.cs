using System.Collections.Frozen;
using SfnResume.Engine.Tasks.Mocking;

namespace SfnResume.Engine.Tasks;

/// <summary>Chooses what serves each Lambda call, per function: (1) a local handler registered for the function
/// name (<c>--lambda NAME=FILE.js</c>, any version or alias of NAME), (2) the Lambda endpoint
/// (<c>--lambda-endpoint URL</c>), (3) the selected mock test case, for the states it mocks, (4) C# delegates.
/// A function nothing serves fails the task with <see cref="LambdaErrorNames.ResourceNotFound"/>, as AWS fails a
/// call to a function that does not exist.</summary>
public sealed class LambdaResolver : ILambdaInvoker
{
    private readonly FrozenDictionary<string, ILambdaInvoker> _handlers;
    private readonly ILambdaInvoker? _endpoint;
    private readonly MockConfigInvoker? _mocks;
    private readonly DelegateLambdaInvoker? _delegates;

    /// <param name="handlers">Local handlers by function name (e.g. <see cref="JavaScript.JavaScriptLambdaHandler"/>).</param>
    /// <param name="endpoint">The Lambda endpoint, e.g. <see cref="Http.HttpLambdaInvoker"/>.</param>
    /// <param name="mocks">The mock test case of this execution.</param>
    /// <param name="delegates">C# functions by name.</param>
    public LambdaResolver(
        IReadOnlyDictionary<string, ILambdaInvoker>? handlers = null,
        ILambdaInvoker? endpoint = null,
        MockConfigInvoker? mocks = null,
        DelegateLambdaInvoker? delegates = null)
    {
        _handlers = (handlers ?? new Dictionary<string, ILambdaInvoker>()).ToFrozenDictionary(StringComparer.Ordinal);
        _endpoint = endpoint;
        _mocks = mocks;
        _delegates = delegates;
    }

    /// <summary>The same sources with another mock test case (one per execution: its invocation counters are its own).</summary>
    public LambdaResolver WithMockTestCase(MockTestCase? testCase) =>
        new(_handlers, _endpoint, testCase is null ? null : new MockConfigInvoker(testCase), _delegates);

    /// <summary>What will serve <paramref name="invocation"/>, or null when nothing does.</summary>
    public ILambdaInvoker? Select(LambdaInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (_handlers.TryGetValue(invocation.Function.Name, out var handler))
        {
            return handler;
        }

        if (_endpoint is not null)
        {
            return _endpoint;
        }

        if (_mocks is not null && _mocks.Mocks(invocation.StateName))
        {
            return _mocks;
        }

        return _delegates is not null && _delegates.Serves(invocation.Function.Name) ? _delegates : null;
    }

    /// <summary>
    /// What serves <paramref name="functionName"/> when state <paramref name="stateName"/> calls it, decided once so a
    /// compiled Task state can keep it (<see cref="LambdaRoute.IsCurrent"/> says when it must be decided again).
    /// </summary>
    internal LambdaRoute Route(string functionName, string stateName)
    {
        if (_handlers.TryGetValue(functionName, out var handler))
        {
            return new LambdaRoute(this, handler, null, 0);
        }

        if (_endpoint is not null)
        {
            return new LambdaRoute(this, _endpoint, null, 0);
        }

        if (_mocks is not null && _mocks.Mocks(stateName))
        {
            return new LambdaRoute(this, _mocks, null, 0);
        }

        // Delegates can be added after the route is taken: the route holds the version it saw.
        return _delegates is null
            ? new LambdaRoute(this, null, null, 0)
            : new LambdaRoute(this, _delegates.Bind(functionName), _delegates, _delegates.Version);
    }

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
        Select(invocation) is { } invoker
            ? invoker.InvokeAsync(invocation, cancellationToken)
            : new ValueTask<LambdaOutcome>(NotServed(invocation));

    /// <summary>The failure for a function nothing serves: AWS's error for a missing function, with a cause that
    /// says how to serve it locally.</summary>
    public static LambdaOutcome.Failed NotServed(LambdaInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var name = invocation.Function.Name;
        return new LambdaOutcome.Failed(LambdaErrorNames.ResourceNotFound,
            $"Function not found: {invocation.Function.Resource} (state '{invocation.StateName}'). Nothing serves Lambda function " +
            $"'{name}' locally: map it with --lambda {name}=handler.js or send Lambda calls to an endpoint with --lambda-endpoint URL.");
    }
}

/// <summary>
/// One Task state's choice of what serves its function under one <see cref="LambdaResolver"/>: a null
/// <see cref="Target"/> means nothing does.
/// </summary>
internal sealed class LambdaRoute(LambdaResolver source, ILambdaInvoker? target, DelegateLambdaInvoker? delegates, int version)
{
    public LambdaResolver Source { get; } = source;

    public ILambdaInvoker? Target { get; } = target;

    /// <summary>False once a function was added to the delegates the choice was made among.</summary>
    public bool IsCurrent => delegates is null || delegates.Version == version;

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
        Target is { } target
            ? target.InvokeAsync(invocation, cancellationToken)
            : new ValueTask<LambdaOutcome>(LambdaResolver.NotServed(invocation));
}
