using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Api.Json;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Resume;

/// <summary>What resuming did: the failed execution as recorded, the plan, the copy and (with start) the resumed execution.</summary>
internal sealed record ResumeOutcome(
    RecordedExecution Failed,
    ResumePlan Plan,
    string CopyArn,
    string CopyAction,
    string ResumeExecutionName,
    string? ResumedExecutionArn,
    bool AlreadyStarted);

/// <summary>What the <c>-with-GoToState</c> copy is made of: the original's role, type, logging and tracing.</summary>
internal sealed record CopySettings(
    string Name,
    string Definition,
    string RoleArn,
    string Type,
    LoggingConfiguration Logging,
    TracingConfiguration Tracing,
    IReadOnlyList<Tag> Tags);

/// <summary>
/// Resumes an execution through the Step Functions API only: the definition it ran with, its full history, the
/// plan, the copy with the GoToState Choice in front (created or updated with the role, type, logging and tracing
/// the execution ran with, and tagged with its ARN), and the start of the copy under a name derived from the
/// failed execution, so the same resume asked twice finds the first one instead of starting another.
/// </summary>
internal static class ResumeRunner
{
    private const string NameSuffix = "-resume";
    private const int MaxExecutionName = 80;

    public static async Task<ResumeOutcome> ResumeAsync(ApiConnection connection, string executionArn, ResumeOptions options, bool start, CancellationToken ct)
    {
        var api = connection.Api;
        var failed = await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
        if (failed.Status == ExecutionStatuses.Running)
        {
            throw new CliUserException($"execution {failed.Name} is still RUNNING; resume it once it has failed");
        }

        var recorded = await RecordedExecution.LoadAsync(connection, executionArn, failed.Name ?? executionArn, ct).ConfigureAwait(false);
        var ranWith = recorded.RanWith;
        var machine = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = failed.StateMachineArn, IncludedData = IncludedData.MetadataOnly }, ct).ConfigureAwait(false);

        ResumePlan plan;
        try
        {
            plan = ResumePlanner.Plan(recorded.Definition, recorded.History, options with { StateMachineName = ranWith.Name });
        }
        catch (ResumePlanningException ex)
        {
            throw new CliUserException(ex.Message);
        }

        var copy = new CopySettings(
            plan.StateMachineName,
            AslWriter.Write(DefinitionRewriter.Apply(recorded.Definition, plan)),
            ranWith.RoleArn,
            machine.Type,
            ranWith.LoggingConfiguration ?? machine.LoggingConfiguration ?? LoggingConfiguration.Default,
            ranWith.TracingConfiguration ?? machine.TracingConfiguration ?? TracingConfiguration.Default,
            ResumedFromTag.For(executionArn));
        var (copyArn, copyAction) = await PutCopyAsync(connection, copy, ct).ConfigureAwait(false);
        var name = ResumeExecutionName(failed.Name ?? Arns.ParseExecution(executionArn).ExecutionName ?? "execution");
        if (!start)
        {
            return new ResumeOutcome(recorded, plan, copyArn, copyAction, name, null, false);
        }

        var resumedArn = Arns.ExecutionOf(Arns.ParseStateMachine(copyArn), name);
        if (await ExistsAsync(api, resumedArn, ct).ConfigureAwait(false))
        {
            return new ResumeOutcome(recorded, plan, copyArn, copyAction, name, resumedArn, true);
        }

        var started = await api.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = copyArn,
            Name = name,
            Input = plan.ResumeInput.ToJsonString(),
        }, ct).ConfigureAwait(false);
        return new ResumeOutcome(recorded, plan, copyArn, copyAction, name, started.ExecutionArn, false);
    }

    /// <summary><c>order-42</c> resumes as <c>order-42-resume</c> (cut to the 80 characters a name may have).</summary>
    public static string ResumeExecutionName(string failedName)
    {
        var stem = failedName.Length + NameSuffix.Length > MaxExecutionName ? failedName[..(MaxExecutionName - NameSuffix.Length)] : failedName;
        return stem + NameSuffix;
    }

    /// <summary>
    /// Creates the copy, or brings an existing one in line: definition, role, logging and tracing as the failed
    /// execution ran with (type cannot change and is set on create), and the tag naming the failed execution.
    /// </summary>
    private static async Task<(string Arn, string Action)> PutCopyAsync(ApiConnection connection, CopySettings copy, CancellationToken ct)
    {
        var api = connection.Api;
        if (await connection.FindStateMachineAsync(copy.Name, ct).ConfigureAwait(false) is not { } arn)
        {
            var created = await api.CreateStateMachineAsync(new CreateStateMachineRequest
            {
                Name = copy.Name,
                Definition = copy.Definition,
                RoleArn = copy.RoleArn,
                Type = copy.Type,
                LoggingConfiguration = copy.Logging,
                TracingConfiguration = copy.Tracing,
                Tags = copy.Tags,
            }, ct).ConfigureAwait(false);
            return (created.StateMachineArn, "created");
        }

        var current = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, ct).ConfigureAwait(false);
        var action = "unchanged";
        if (current.Definition != copy.Definition || current.RoleArn != copy.RoleArn
            || !SameJson(current.LoggingConfiguration ?? LoggingConfiguration.Default, copy.Logging, ApiJsonContext.Default.LoggingConfiguration)
            || !SameJson(current.TracingConfiguration ?? TracingConfiguration.Default, copy.Tracing, ApiJsonContext.Default.TracingConfiguration))
        {
            await api.UpdateStateMachineAsync(new UpdateStateMachineRequest
            {
                StateMachineArn = arn,
                Definition = copy.Definition,
                RoleArn = copy.RoleArn,
                LoggingConfiguration = copy.Logging,
                TracingConfiguration = copy.Tracing,
            }, ct).ConfigureAwait(false);
            action = "updated";
        }

        // TagResource overwrites the value of a key it is given: the copy now names this failed execution.
        var existing = (await api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct).ConfigureAwait(false)).Tags ?? [];
        if (ResumedFromTag.Read(existing) != ResumedFromTag.Read(copy.Tags))
        {
            await api.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = copy.Tags }, ct).ConfigureAwait(false);
            if (ResumedFromTag.StaleKeys(existing, copy.Tags) is { Count: > 0 } stale)
            {
                await api.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = stale }, ct).ConfigureAwait(false);
            }
        }

        return (arn, action);
    }

    private static bool SameJson<T>(T a, T b, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(a, type) == JsonSerializer.Serialize(b, type);

    private static async Task<bool> ExistsAsync(IStepFunctionsApi api, string executionArn, CancellationToken ct)
    {
        try
        {
            await api.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
            return true;
        }
        catch (SfnServiceException ex) when (ex.ErrorType == "ExecutionDoesNotExist")
        {
            return false;
        }
    }
}
