using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Resume;

/// <summary>What resuming did: the plan, the copy and (with start) the resumed execution.</summary>
internal sealed record ResumeOutcome(
    string FailedExecutionArn,
    ResumePlan Plan,
    string CopyArn,
    string CopyAction,
    string ResumeExecutionName,
    string? ResumedExecutionArn,
    bool AlreadyStarted);

/// <summary>
/// Resumes an execution through the Step Functions API only: the definition it ran with, its full history, the
/// plan, the copy with the GoToState Choice in front, and the start of the copy under a name derived from the
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

        var ranWith = await api.DescribeStateMachineForExecutionAsync(new DescribeStateMachineForExecutionRequest { ExecutionArn = executionArn }, ct).ConfigureAwait(false);
        var machine = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = failed.StateMachineArn, IncludedData = IncludedData.MetadataOnly }, ct).ConfigureAwait(false);
        var definition = InputLoader.ParseDefinition(ranWith.Definition, $"the definition of {failed.Name}");
        var history = ExecutionHistory.FromEvents(await connection.FullHistoryAsync(executionArn, ct).ConfigureAwait(false));

        ResumePlan plan;
        try
        {
            plan = ResumePlanner.Plan(definition, history, options with { StateMachineName = ranWith.Name });
        }
        catch (ResumePlanningException ex)
        {
            throw new CliUserException(ex.Message);
        }

        var copyDefinition = AslWriter.Write(DefinitionRewriter.Apply(definition, plan));
        var (copyArn, copyAction) = await PutCopyAsync(connection, plan.StateMachineName, copyDefinition, ranWith.RoleArn, machine.Type, ct).ConfigureAwait(false);
        var name = ResumeExecutionName(failed.Name ?? Arns.ParseExecution(executionArn).ExecutionName ?? "execution");
        if (!start)
        {
            return new ResumeOutcome(executionArn, plan, copyArn, copyAction, name, null, false);
        }

        var resumedArn = Arns.ExecutionOf(Arns.ParseStateMachine(copyArn), name);
        if (await ExistsAsync(api, resumedArn, ct).ConfigureAwait(false))
        {
            return new ResumeOutcome(executionArn, plan, copyArn, copyAction, name, resumedArn, true);
        }

        var started = await api.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = copyArn,
            Name = name,
            Input = plan.ResumeInput.ToJsonString(),
        }, ct).ConfigureAwait(false);
        return new ResumeOutcome(executionArn, plan, copyArn, copyAction, name, started.ExecutionArn, false);
    }

    /// <summary><c>order-42</c> resumes as <c>order-42-resume</c> (cut to the 80 characters a name may have).</summary>
    public static string ResumeExecutionName(string failedName)
    {
        var stem = failedName.Length + NameSuffix.Length > MaxExecutionName ? failedName[..(MaxExecutionName - NameSuffix.Length)] : failedName;
        return stem + NameSuffix;
    }

    private static async Task<(string Arn, string Action)> PutCopyAsync(ApiConnection connection, string name, string definition, string roleArn, string type, CancellationToken ct)
    {
        var api = connection.Api;
        if (await connection.FindStateMachineAsync(name, ct).ConfigureAwait(false) is not { } arn)
        {
            var created = await api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = roleArn, Type = type }, ct).ConfigureAwait(false);
            return (created.StateMachineArn, "created");
        }

        var current = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, ct).ConfigureAwait(false);
        if (current.Definition == definition && current.RoleArn == roleArn)
        {
            return (arn, "unchanged");
        }

        await api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = arn, Definition = definition, RoleArn = roleArn }, ct).ConfigureAwait(false);
        return (arn, "updated");
    }

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
