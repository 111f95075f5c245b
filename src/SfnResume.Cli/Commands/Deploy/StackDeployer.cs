using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;
using SfnResume.Storage.Sqlite;
using SfnResume.Templates;

namespace SfnResume.Cli.Commands.Deploy;

/// <summary>What deploying did to one resource.</summary>
internal enum DeployAction
{
    Created,
    Updated,
    Unchanged,

    /// <summary>A function with no runnable Node.js code: runs need <c>--lambda</c> or <c>--lambda-endpoint</c> for it.</summary>
    NeedsMapping,
}

internal sealed record DeployedResource(string Kind, string LogicalId, string Name, string Arn, DeployAction Action, string? Note = null);

internal sealed record DeployResult(string StackName, string StackId, IReadOnlyList<DeployedResource> Resources, IReadOnlyList<TemplateOutput> Outputs);

/// <summary>
/// Puts a read template into the engine: functions into the local store, state machines through the Step
/// Functions API (create, or update when the definition or settings changed, which makes a new definition
/// version; executions keep the version they started with).
/// </summary>
internal static class StackDeployer
{
    public static TemplateDeployment Read(string templatePath, string? stackName, IReadOnlyList<string> parameters)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUserException($"--parameter '{parameter}': expected KEY=VALUE");
            }

            overrides[parameter[..eq]] = parameter[(eq + 1)..];
        }

        try
        {
            return TemplateReader.ReadFile(templatePath, new TemplateReadOptions
            {
                StackName = stackName ?? TemplateReader.DefaultStackName(templatePath),
                ParameterOverrides = overrides,
            });
        }
        catch (TemplateException ex)
        {
            throw new CliUserException($"{templatePath}: {OneLine(ex.Message)}");
        }
    }

    public static async Task<DeployResult> DeployAsync(ApiConnection connection, TemplateDeployment deployment, string templateHash, CancellationToken ct)
    {
        var resources = new List<DeployedResource>();
        var now = DateTimeOffset.UtcNow;

        // The stack first: functions belong to it (they go when it goes).
        connection.LocalStore?.PutStack(new StackRecord
        {
            Name = deployment.StackName,
            StackId = deployment.StackId,
            TemplateHash = templateHash,
            ResourcesJson = new JsonObject(deployment.Resources.Select(r => KeyValuePair.Create(r.LogicalId, (JsonNode?)r.PhysicalId))).ToJsonString(),
            OutputsJson = new JsonObject(deployment.Outputs.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)o.Value))).ToJsonString(),
            Created = connection.LocalStore.GetStack(deployment.StackName)?.Created ?? now,
            Updated = now,
        });
        foreach (var function in deployment.Functions)
        {
            resources.Add(PutFunction(connection.LocalStore, deployment.StackName, function, now));
        }

        foreach (var machine in deployment.StateMachines)
        {
            try
            {
                resources.Add(await PutStateMachineAsync(connection, deployment, machine, ct).ConfigureAwait(false));
            }
            catch (SfnServiceException ex)
            {
                throw new CliUserException($"resource '{machine.LogicalId}' (state machine {machine.Name}): {ServiceErrors.Describe(ex)}");
            }
        }

        return new DeployResult(deployment.StackName, deployment.StackId, resources, deployment.Outputs);
    }

    public static string Hash(string templatePath) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(templatePath)));

    private static DeployedResource PutFunction(SqliteStore? store, string stackName, LambdaFunctionResource function, DateTimeOffset now)
    {
        if (function.Code is not { } code || store is null)
        {
            var why = function.Runtime is { } runtime && !runtime.StartsWith("nodejs", StringComparison.Ordinal)
                ? $"{runtime} code does not run locally"
                : "no local code";
            return new DeployedResource("function", function.LogicalId, function.FunctionName, function.Arn, DeployAction.NeedsMapping,
                $"{why}: serve it with --lambda {function.FunctionName}=FILE.js or --lambda-endpoint URL");
        }

        var existing = store.GetFunction(function.FunctionName);
        var record = new FunctionRecord
        {
            Name = function.FunctionName,
            Arn = function.Arn,
            Runtime = function.Runtime ?? "nodejs",
            Handler = function.Handler ?? "index.handler",
            CodeText = code.Origin == LambdaCodeOrigin.Inline ? code.Source : null,
            CodePath = code.Origin == LambdaCodeOrigin.LocalFile ? code.SourcePath : null,
            EnvironmentJson = new JsonObject(function.Environment.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))).ToJsonString(),
            TimeoutSeconds = function.TimeoutSeconds,
            StackName = stackName,
            Created = existing?.Created ?? now,
            Updated = now,
        };
        var unchanged = existing is not null && existing with { Created = record.Created, Updated = record.Updated } == record;
        if (!unchanged)
        {
            store.PutFunction(record);
        }

        var action = existing is null ? DeployAction.Created : unchanged ? DeployAction.Unchanged : DeployAction.Updated;
        return new DeployedResource("function", function.LogicalId, function.FunctionName, function.Arn, action);
    }

    private static async Task<DeployedResource> PutStateMachineAsync(ApiConnection connection, TemplateDeployment deployment, StateMachineResource machine, CancellationToken ct)
    {
        var api = connection.Api;
        var roleArn = machine.RoleArn ?? $"arn:aws:iam::{deployment.AccountId}:role/{deployment.StackName}-{machine.LogicalId}Role";
        var logging = Logging(machine.LoggingConfiguration);
        var tracing = Tracing(machine.TracingConfiguration);
        var existingArn = await connection.FindStateMachineAsync(machine.Name, ct).ConfigureAwait(false);
        if (existingArn is null)
        {
            var created = await api.CreateStateMachineAsync(new CreateStateMachineRequest
            {
                Name = machine.Name,
                Definition = machine.Definition,
                RoleArn = roleArn,
                Type = machine.Type,
                LoggingConfiguration = logging,
                TracingConfiguration = tracing,
                Tags = machine.Tags.Count > 0 ? [.. machine.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })] : null,
            }, ct).ConfigureAwait(false);
            return new DeployedResource("state machine", machine.LogicalId, machine.Name, created.StateMachineArn, DeployAction.Created);
        }

        var current = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = existingArn }, ct).ConfigureAwait(false);
        if (current.Type != machine.Type)
        {
            throw new CliUserException($"{machine.LogicalId}: state machine '{machine.Name}' exists as {current.Type}; a {machine.Type} machine needs another name");
        }

        if (current.Definition == machine.Definition && current.RoleArn == roleArn
            && (logging is null || logging == current.LoggingConfiguration) && (tracing is null || tracing == current.TracingConfiguration))
        {
            return new DeployedResource("state machine", machine.LogicalId, machine.Name, existingArn, DeployAction.Unchanged);
        }

        await api.UpdateStateMachineAsync(new UpdateStateMachineRequest
        {
            StateMachineArn = existingArn,
            Definition = machine.Definition,
            RoleArn = roleArn,
            LoggingConfiguration = logging,
            TracingConfiguration = tracing,
        }, ct).ConfigureAwait(false);
        var note = current.Definition == machine.Definition ? null : "new definition; running and past executions keep theirs";
        return new DeployedResource("state machine", machine.LogicalId, machine.Name, existingArn, DeployAction.Updated, note);
    }

    /// <summary>CloudFormation's <c>LoggingConfiguration</c> (PascalCase) as the API's shape.</summary>
    private static LoggingConfiguration? Logging(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }

        var destinations = new List<LogDestination>();
        if (e.TryGetProperty("Destinations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in list.EnumerateArray())
            {
                if (d.TryGetProperty("CloudWatchLogsLogGroup", out var group) && group.TryGetProperty("LogGroupArn", out var arn))
                {
                    destinations.Add(new LogDestination { CloudWatchLogsLogGroup = new CloudWatchLogsLogGroup { LogGroupArn = arn.ToString() } });
                }
            }
        }

        return new LoggingConfiguration
        {
            Level = e.TryGetProperty("Level", out var level) ? level.GetString() : null,
            IncludeExecutionData = e.TryGetProperty("IncludeExecutionData", out var data) && data.ValueKind is JsonValueKind.True or JsonValueKind.False ? data.GetBoolean() : null,
            Destinations = destinations.Count > 0 ? destinations : null,
        };
    }

    private static TracingConfiguration? Tracing(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("Enabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? new TracingConfiguration { Enabled = enabled.GetBoolean() }
            : null;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static string Describe(DeployAction action) => action switch
    {
        DeployAction.Created => "created",
        DeployAction.Updated => "updated",
        DeployAction.Unchanged => "unchanged",
        _ => "no code",
    };
}
