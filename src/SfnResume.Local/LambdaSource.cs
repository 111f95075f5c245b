using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Storage.Sqlite;

namespace SfnResume.Local;

/// <summary>
/// Serves Lambda calls: first what the caller gave (local handlers, the Lambda endpoint, mocks, delegates, in
/// <see cref="LambdaResolver"/>'s order), then the functions deployed into the store: inline Node.js code or a
/// local file, run by <see cref="JavaScriptLambdaHandler"/> with the function's handler, environment and timeout.
/// </summary>
public sealed class LambdaSource : ILambdaInvoker, IDisposable
{
    private readonly SqliteStore _store;
    private readonly LambdaResolver? _caller;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Updated, JavaScriptLambdaHandler Handler)> _deployed = new(StringComparer.Ordinal);

    public LambdaSource(SqliteStore store, LambdaResolver? caller = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _caller = caller;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (_caller?.Select(invocation) is { } chosen)
        {
            return chosen.InvokeAsync(invocation, cancellationToken);
        }

        return Deployed(invocation.Function.Name) is { } handler
            ? handler.InvokeAsync(invocation, cancellationToken)
            : new ValueTask<LambdaOutcome>(LambdaResolver.NotServed(invocation));
    }

    public void Dispose()
    {
        foreach (var (_, (_, handler)) in _deployed)
        {
            handler.Dispose();
        }

        _deployed.Clear();
    }

    private JavaScriptLambdaHandler? Deployed(string name)
    {
        if (_store.GetFunction(name) is not { } function || !function.Runtime.StartsWith("nodejs", StringComparison.Ordinal))
        {
            return null;
        }

        if (_deployed.TryGetValue(name, out var cached) && cached.Updated == function.Updated)
        {
            return cached.Handler;
        }

        var handler = Create(function);
        _deployed[name] = (function.Updated, handler);
        if (cached.Handler is not null)
        {
            cached.Handler.Dispose();
        }

        return handler;
    }

    private JavaScriptLambdaHandler Create(FunctionRecord function)
    {
        var options = new JavaScriptLambdaOptions
        {
            FunctionName = function.Name,
            Handler = function.Handler,
            Timeout = TimeSpan.FromSeconds(function.TimeoutSeconds),
            Environment = Environment(function.EnvironmentJson),
            TimeProvider = _timeProvider,
        };
        if (function.CodeText is { } code)
        {
            return JavaScriptLambdaHandler.FromCode(code, options, ModuleName(function.Handler) + ".js");
        }

        var path = function.CodePath ?? throw new InvalidOperationException("Function " + function.Name + " has neither code nor a code path.");
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, ModuleName(function.Handler) + ".js");
        }

        return JavaScriptLambdaHandler.FromFile(path, options);
    }

    /// <summary>"index.handler" is function <c>handler</c> of module <c>index</c>.</summary>
    private static string ModuleName(string handler)
    {
        var dot = handler.LastIndexOf('.');
        return dot > 0 ? handler[..dot] : "index";
    }

    /// <summary>The stored environment: a JSON object of names to values (or CloudFormation's <c>{"Variables": {...}}</c>).</summary>
    private static Dictionary<string, string> Environment(string? json)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject root)
        {
            return variables;
        }

        var source = root["Variables"] as JsonObject ?? root;
        foreach (var (key, value) in source)
        {
            variables[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }

        return variables;
    }
}
