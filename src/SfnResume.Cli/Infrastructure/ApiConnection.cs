using System.Text.Json.Nodes;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Local;
using SfnResume.Storage.Sqlite;

namespace SfnResume.Cli.Infrastructure;

/// <summary>What a command asked for: a state directory (null: the default) and local Lambda sources.</summary>
internal sealed record ApiConnectionSettings(string? StateDir, IReadOnlyList<string> Lambdas, string? LambdaEndpoint)
{
    /// <summary>A remote Step Functions-compatible endpoint (<c>--endpoint-url</c>).</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>AWS itself (<c>--aws</c>), with an optional named profile and region.</summary>
    public bool UseAws { get; init; }

    public string? Profile { get; init; }

    public string? Region { get; init; }

    /// <summary>Never a remote API (<c>serve</c>: serving a remote API, or itself through AWS_ENDPOINT_URL_SFN, makes no sense).</summary>
    public bool LocalOnly { get; init; }

    public static ApiConnectionSettings ForStateDir(string stateDir) => new(stateDir, [], null);
}

/// <summary>
/// The Step Functions API a command works with. This is the one place that chooses the implementation: today
/// the embedded <see cref="LocalStepFunctions"/> on a SQLite state directory. Commands use <see cref="Api"/>
/// (the plain <see cref="IStepFunctionsApi"/>) and the helpers here, so they do not depend on which one it is.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);
    private readonly LocalStepFunctions? _local;

    private ApiConnection(IStepFunctionsApi api, LocalStepFunctions? local, string stateDirectory)
    {
        Api = api;
        _local = local;
        StateDirectory = stateDirectory;
    }

    public IStepFunctionsApi Api { get; }

    /// <summary>The state directory in use (full path).</summary>
    public string StateDirectory { get; }

    /// <summary>The local store, where deployed Lambda functions and stacks are kept (null for a remote API).</summary>
    public SqliteStore? LocalStore => _local?.Store;

    public static string ResolveStateDir(string? option)
    {
        var dir = option;
        if (string.IsNullOrEmpty(dir))
        {
            dir = Environment.GetEnvironmentVariable(ConnectionOptions.StateDirVariable);
        }

        return Path.GetFullPath(string.IsNullOrEmpty(dir) ? ConnectionOptions.DefaultStateDir : dir);
    }

    public static ApiConnection Open(ApiConnectionSettings settings)
    {
        if (RemoteApi.TryOpen(settings) is { } remote)
        {
            return new ApiConnection(remote, null, remote.Endpoint.ToString());
        }

        var stateDir = ResolveStateDir(settings.StateDir);
        var lambdas = settings.Lambdas.Count > 0 || settings.LambdaEndpoint is not null
            ? TaskSources.FromOptions(new TaskSourceOptions(settings.Lambdas, settings.LambdaEndpoint, null, null, ""))
            : null;
        LocalStepFunctions local;
        try
        {
            local = LocalStepFunctions.Open(stateDir, new LocalStepFunctionsOptions { Lambdas = lambdas });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new CliUserException($"cannot open the state directory '{stateDir}': {ex.Message}");
        }

        return new ApiConnection(local, local, stateDir);
    }

    /// <summary>Waits for an execution to end, calling <paramref name="onProgress"/> with its new events.</summary>
    public async Task<DescribeExecutionResponse> WaitAsync(string executionArn, Action<ExecutionProgress>? onProgress, CancellationToken ct)
    {
        if (_local is not null)
        {
            using var watch = onProgress is null ? null : _local.WatchExecution(executionArn, onProgress);
            return await _local.WaitForExecutionAsync(executionArn, ct).ConfigureAwait(false);
        }

        // Any other implementation: poll, as the AWS CLI's waiters do.
        while (true)
        {
            var described = await Api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
            if (described.Status != ExecutionStatuses.Running)
            {
                return described;
            }

            await Task.Delay(s_pollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A state machine's ARN from its ARN, its name, or the logical id a deployed template gave it (CloudFormation
    /// makes up the name of a machine the template does not name, e.g. <c>ResumeFromStateExample-CLlsB0FxEIUY</c>).
    /// </summary>
    public async Task<string> StateMachineArnAsync(string reference, CancellationToken ct)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return reference;
        }

        if (await FindStateMachineAsync(reference, ct).ConfigureAwait(false) is { } byName)
        {
            return byName;
        }

        var physical = LocalStore is null ? [] : LocalStore.ListStacks()
            .Select(stack => JsonNode.Parse(stack.ResourcesJson)?[reference]?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var name in physical)
        {
            var arn = name.StartsWith("arn:", StringComparison.Ordinal) ? name : await FindStateMachineAsync(name, ct).ConfigureAwait(false);
            if (arn is not null && physical.Count == 1)
            {
                return arn;
            }
        }

        throw new CliUserException(physical.Count > 1
            ? $"'{reference}' is a resource of {physical.Count} stacks in {StateDirectory}; give the state machine's name or ARN"
            : $"no state machine '{reference}' in {StateDirectory} (deploy a template first: sfn-resume deploy TEMPLATE)");
    }

    /// <summary>The ARN of the state machine called <paramref name="name"/>, if there is one.</summary>
    public async Task<string?> FindStateMachineAsync(string name, CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await Api.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = token }, ct).ConfigureAwait(false);
            if (page.StateMachines.FirstOrDefault(m => m.Name == name) is { } found)
            {
                return found.StateMachineArn;
            }

            token = page.NextToken;
        }
        while (token is not null);
        return null;
    }

    /// <summary>An execution's ARN from its ARN, <c>MACHINE:NAME</c>, or a name unique among all executions.</summary>
    public async Task<string> ExecutionArnAsync(string reference, CancellationToken ct)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return reference;
        }

        var colon = reference.LastIndexOf(':');
        if (colon > 0)
        {
            var machineArn = await StateMachineArnAsync(reference[..colon], ct).ConfigureAwait(false);
            return Arns.ExecutionOf(Arns.ParseStateMachine(machineArn), reference[(colon + 1)..]);
        }

        var matches = new List<string>();
        foreach (var machine in (await AllStateMachinesAsync(ct).ConfigureAwait(false)).Where(m => m.Type != StateMachineType.Express))
        {
            foreach (var execution in await AllExecutionsAsync(machine.StateMachineArn, ct).ConfigureAwait(false))
            {
                if (execution.Name == reference)
                {
                    matches.Add(execution.ExecutionArn);
                }
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliUserException($"no execution '{reference}' in {StateDirectory}"),
            _ => throw new CliUserException($"'{reference}' names {matches.Count} executions; give its ARN or MACHINE:NAME"),
        };
    }

    public async Task<IReadOnlyList<StateMachineListItem>> AllStateMachinesAsync(CancellationToken ct)
    {
        var all = new List<StateMachineListItem>();
        string? token = null;
        do
        {
            var page = await Api.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = token }, ct).ConfigureAwait(false);
            all.AddRange(page.StateMachines);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }

    public async Task<IReadOnlyList<ExecutionListItem>> AllExecutionsAsync(string stateMachineArn, CancellationToken ct)
    {
        var all = new List<ExecutionListItem>();
        string? token = null;
        do
        {
            var page = await Api.ListExecutionsAsync(new ListExecutionsRequest { StateMachineArn = stateMachineArn, NextToken = token }, ct).ConfigureAwait(false);
            all.AddRange(page.Executions);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }

    /// <summary>Every page of an execution's history, oldest first.</summary>
    public async Task<IReadOnlyList<Core.History.HistoryEvent>> FullHistoryAsync(string executionArn, CancellationToken ct)
    {
        var all = new List<Core.History.HistoryEvent>();
        string? token = null;
        do
        {
            var page = await Api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, NextToken = token }, ct).ConfigureAwait(false);
            all.AddRange(page.Events);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync().ConfigureAwait(false);
        }
        else if (Api is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
