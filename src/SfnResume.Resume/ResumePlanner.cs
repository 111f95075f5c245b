using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.History;
using SfnResume.Core.Json;
using SfnResume.Resume.Nested;

namespace SfnResume.Resume;

/// <summary>
/// Plans a resume from a history and the definition it ran with. Pure: the same inputs give the same plan.
/// </summary>
public static class ResumePlanner
{
    public const string CopySuffix = "-with-GoToState";

    /// <summary>State machine names are at most 80 characters (CreateStateMachine).</summary>
    private const int MaxStateMachineName = 80;

    public static ResumePlan Plan(StateMachineDefinition definition, ExecutionHistory history, ResumeOptions options) =>
        Plan(definition, ExecutionTimeline.Build(history), options);

    public static ResumePlan Plan(StateMachineDefinition definition, ExecutionTimeline timeline, ResumeOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        DefinitionRewriter.ValidateFlagName(options.FlagName);
        var failure = FailureAnalysis.Analyze(timeline, definition);
        if (failure is null && options.FromState is null)
        {
            var what = timeline.Status == ExecutionStatus.Succeeded ? "succeeded" : "has not finished (it is still running)";
            throw new ResumePlanningException($"the execution {what}: there is no failure to resume from; name a state with --from to start there");
        }

        CheckDefinitionMatches(definition, timeline);
        string? note = null;
        StateVisit? chosen = options.FromState is { } from ? FromStateResolver.Resolve(definition, timeline, from) : null;
        var resumeVisit = chosen is null ? FailedTopLevelVisit(timeline, failure!) : (chosen.Ancestors.FirstOrDefault() ?? chosen);
        if (options.FromState is null && CaughtBeforeFail(timeline, resumeVisit) is { } caught)
        {
            note = $"'{resumeVisit.Name}' is a Fail state reached after '{caught.Name}' failed and was caught ({caught.Error}); " +
                $"resuming at the Fail state would only fail again, so the plan resumes at '{caught.Name}'";
            resumeVisit = caught;
        }

        var input = ResumeInput(resumeVisit, options);
        var skipped = Skipped(timeline, resumeVisit);
        var tree = new ResumeTreeBuilder(definition, options.Patch, chosen);
        var entry = tree.Top(resumeVisit, input, timeline.Visits);
        var actions = skipped.Select(s => new StateResumeAction(s.Name, ResumeAction.Skip)).Concat(tree.Actions).ToImmutableArray();
        var choiceName = DefinitionRewriter.ChooseStateName(definition.AllStates.Select(s => s.State.Name));
        var jsonata = definition.EffectiveQueryLanguage == QueryLanguage.Jsonata;
        return new ResumePlan(failure, resumeVisit.Name, input, skipped, options.FlagName, choiceName, CopyName(options.StateMachineName), jsonata)
        {
            Note = note,
            Actions = actions,
            Entry = entry,
        };
    }

    /// <summary>The name of the resumable copy: <c>&lt;name&gt;-with-GoToState</c>, cut to fit 80 characters.</summary>
    public static string CopyName(string? originalName)
    {
        var name = string.IsNullOrEmpty(originalName) ? "StateMachine" : originalName;
        if (name.Length + CopySuffix.Length > MaxStateMachineName)
        {
            name = name[..(MaxStateMachineName - CopySuffix.Length)];
        }

        return name + CopySuffix;
    }

    private static StateVisit FailedTopLevelVisit(ExecutionTimeline timeline, FailurePoint failure)
    {
        var path = timeline.FailurePath;
        if (path.Count == 0)
        {
            throw new ResumePlanningException($"the execution {failure.ExecutionStatus} before it entered any state ({failure.Error}); nothing to resume from");
        }

        return path[0];
    }

    /// <summary>
    /// A Catch that routes to a Fail state turns a Task's error into the execution's (redrive has the same
    /// trap: the Fail state just fails again). The useful place to resume is the caught state.
    /// </summary>
    private static StateVisit? CaughtBeforeFail(ExecutionTimeline timeline, StateVisit resumeVisit)
    {
        if (resumeVisit.StateType != VisitedStateType.Fail)
        {
            return null;
        }

        var visits = timeline.Visits;
        for (var i = visits.Count - 1; i >= 0; i--)
        {
            if (visits[i].Status == VisitStatus.Caught)
            {
                return visits[i];
            }
        }

        return null;
    }

    private static JsonNode ResumeInput(StateVisit visit, ResumeOptions options)
    {
        if (visit.Input is not { } text)
        {
            throw new ResumePlanningException(
                $"the history holds no input for state '{visit.Name}' (event {visit.Entered.Id}); save it with execution data included");
        }

        JsonNode? recorded;
        try
        {
            recorded = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ResumePlanningException($"the input recorded for state '{visit.Name}' (event {visit.Entered.Id}) is not valid JSON: {ex.Message}");
        }

        var patched = options.Patch is null ? recorded : JsonMergePatch.Apply(recorded, options.Patch);
        if (patched is not JsonObject obj)
        {
            throw new ResumePlanningException(
                $"the input of state '{visit.Name}' is not a JSON object, so the \"{options.FlagName}\" flag cannot be added to it; use --patch to give an object");
        }

        obj[options.FlagName] = true;
        return obj;
    }

    /// <summary>Top-level states that finished before the resume point: the copy jumps over them.</summary>
    private static ImmutableArray<SkippedState> Skipped(ExecutionTimeline timeline, StateVisit resumeVisit)
    {
        var result = ImmutableArray.CreateBuilder<SkippedState>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var visit in timeline.Visits)
        {
            if (ReferenceEquals(visit, resumeVisit))
            {
                break;
            }

            if (visit.Name != resumeVisit.Name && seen.Add(visit.Name))
            {
                result.Add(new SkippedState(visit.Name, visit.Status.ToString()));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Every state the history entered must be where the definition has it, or the plan would be nonsense.</summary>
    private static void CheckDefinitionMatches(StateMachineDefinition definition, ExecutionTimeline timeline)
    {
        foreach (var visit in timeline.AllVisits())
        {
            if (!definition.TryGetLocation(visit.Name, out var location))
            {
                throw new ResumePlanningException(
                    $"the definition does not match the history: the history enters state '{visit.Name}' (event {visit.Entered.Id}), which the definition does not have");
            }

            var topLevelInHistory = visit.Parent is null;
            if (topLevelInHistory != location.Scope.IsRoot)
            {
                var where = location.Scope.IsRoot ? "at the top level" : $"inside '{location.Scope.OwnerStateName}'";
                throw new ResumePlanningException(
                    $"the definition does not match the history: state '{visit.Name}' (event {visit.Entered.Id}) is {where} in the definition but not in the history");
            }
        }
    }
}
