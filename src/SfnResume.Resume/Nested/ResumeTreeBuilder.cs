using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Core.Json;

namespace SfnResume.Resume.Nested;

/// <summary>
/// Walks the failed run from the top-level resume state inwards and decides, for every Parallel branch and Map
/// iteration on the way, whether its recorded output is reused, where it resumes, or whether it runs again.
/// </summary>
/// <remarks>
/// Recorded data ends up as literals in the copy's definition (restored through variables for Map outputs), so
/// two AWS quotas bound it: one variable value (and one Assign) holds at most 256 KiB
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html), and a definition at most
/// 1,048,576 characters (CreateStateMachine). A Map whose reused outputs would break either runs again whole.
/// </remarks>
internal sealed class ResumeTreeBuilder
{
    /// <summary>256 KiB for one variable, less room for the Assign around it.</summary>
    internal const int MaxVariableBytes = (256 * 1024) - 1024;

    /// <summary>CreateStateMachine's definition limit, in characters.</summary>
    internal const int MaxDefinitionChars = 1_048_576;

    /// <summary>Room kept for the guard states, names and rules the rewriter adds around the data.</summary>
    private const int RewriteMargin = 64 * 1024;

    /// <summary>Characters a resumed iteration or branch adds to the copy besides its data (rule, Pass, names).</summary>
    private const int EntryOverhead = 600;

    private readonly StateMachineDefinition _definition;
    private readonly JsonNode? _patch;
    private readonly HashSet<StateVisit> _forced;
    private readonly StateVisit? _chosen;
    private readonly List<StateResumeAction> _actions = [];
    private long _dataBudget;

    /// <param name="chosen">With <c>--from</c>, the visit chosen to resume at (it and its ancestors are forced open).</param>
    public ResumeTreeBuilder(StateMachineDefinition definition, JsonNode? patch, StateVisit? chosen)
    {
        _definition = definition;
        _patch = patch;
        _chosen = chosen;
        _forced = chosen is null ? [] : [.. chosen.Ancestors, chosen];
        _dataBudget = MaxDefinitionChars - RewriteMargin - JsonSize.Utf8Length(definition.Raw);
    }

    public IReadOnlyList<StateResumeAction> Actions => _actions;

    /// <summary>The top-level entry; <paramref name="input"/> is the finished resume input (patched, flagged).</summary>
    public ScopeEntry Top(StateVisit resumeVisit, JsonNode input, IReadOnlyList<StateVisit> topVisits)
    {
        var variables = VariablesBefore(topVisits, resumeVisit);
        var at = _actions.Count;
        var inner = OpenContainer(resumeVisit, resumeVisit.Name, []);
        _actions.Insert(at, new StateResumeAction(resumeVisit.Name, ResumeAction.ResumeHere, inner is null ? FallbackNote : ReenteredNote));
        FallbackNote = null;
        return new ScopeEntry(resumeVisit.Name, resumeVisit.Name, input, variables, inner);
    }

    private const string ReenteredNote = "entered again with its recorded input; inside, only what did not succeed runs";

    /// <summary>The reason the last container considered runs whole, for its action line.</summary>
    private string? FallbackNote { get; set; }

    private ScopeEntry? EntryFor(IReadOnlyList<StateVisit> visits, string prefix, ImmutableArray<IterationKey> key)
    {
        if (visits.Count == 0)
        {
            return null;
        }

        var target = LastForced(visits) ?? visits[^1];
        string? note = null;
        if (!_forced.Contains(target) && target.StateType == VisitedStateType.Fail && LastCaught(visits) is { } caught)
        {
            note = $"'{target.Name}' is a Fail state reached after '{caught.Name}' was caught; resuming at the caught state";
            target = caught;
        }

        foreach (var name in visits.TakeWhile(v => !ReferenceEquals(v, target)).Select(v => v.Name).Distinct(StringComparer.Ordinal))
        {
            if (name != target.Name)
            {
                _actions.Add(new StateResumeAction(prefix + name, ResumeAction.Skip));
            }
        }

        var path = prefix + target.Name;
        var recorded = RecordedInput(target);
        var at = _actions.Count;
        var inner = OpenContainer(target, path, key);
        var input = inner is null ? Patched(recorded) : recorded;
        _actions.Insert(at, new StateResumeAction(path, ResumeAction.ResumeHere, inner is null ? FallbackNote ?? note : note ?? ReenteredNote));
        FallbackNote = null;
        return new ScopeEntry(target.Name, path, input, VariablesBefore(visits, target), inner);
    }

    /// <summary>Null when the state runs whole (not a container, the chosen state itself, or a fallback with <see cref="FallbackNote"/>).</summary>
    private ContainerResume? OpenContainer(StateVisit visit, string path, ImmutableArray<IterationKey> key)
    {
        if (ReferenceEquals(visit, _chosen) || visit.StateType is not (VisitedStateType.Parallel or VisitedStateType.Map))
        {
            return null;
        }

        if (visit.Status == VisitStatus.Succeeded && !_forced.Contains(visit))
        {
            return null;
        }

        if (visit.Error == StatesErrorNames.DataLimitExceeded)
        {
            FallbackNote = "failed with States.DataLimitExceeded: runs again whole, as redrive does";
            return null;
        }

        if (visit.LastAttempt is not { } attempt)
        {
            FallbackNote = "had not started its branches or iterations";
            return null;
        }

        return _definition.FindState(visit.Name) switch
        {
            ParallelState parallel => OpenParallel(parallel, attempt, path, key),
            MapState map => OpenMap(map, attempt, path, key),
            _ => null,
        };
    }

    private ParallelResume? OpenParallel(ParallelState parallel, VisitAttempt attempt, string path, ImmutableArray<IterationKey> key)
    {
        var actionsBefore = _actions.Count;
        var budgetBefore = _dataBudget;
        var branches = ImmutableArray.CreateBuilder<BranchResume>(parallel.Branches.Length);
        for (var b = 0; b < parallel.Branches.Length; b++)
        {
            var startAt = parallel.Branches[b].StartAt;
            var branchPath = $"{path}/branch {b}";
            var recorded = attempt.Branches.FirstOrDefault(x => x.FirstStateName == startAt);
            if (recorded is null || recorded.Visits.Count == 0)
            {
                _actions.Add(new StateResumeAction(branchPath, ResumeAction.RunAgain, "the branch had not started"));
                branches.Add(new BranchResume(b, BranchMode.Run, null, null));
            }
            else if (recorded.Status == VisitStatus.Succeeded && LastForced(recorded.Visits) is null && RecordedOutput(recorded.Visits[^1]) is { } output)
            {
                _dataBudget -= output.Length;
                _actions.Add(new StateResumeAction(branchPath, ResumeAction.Reuse));
                branches.Add(new BranchResume(b, BranchMode.Reuse, JsonNode.Parse(output), null));
            }
            else
            {
                var entry = EntryFor(recorded.Visits, branchPath + "/", key)!;
                _dataBudget -= EntryOverhead + Encoding.UTF8.GetByteCount(entry.Input?.ToJsonString() ?? "null");
                branches.Add(new BranchResume(b, BranchMode.Enter, null, entry));
            }
        }

        if (_dataBudget < 0)
        {
            _actions.RemoveRange(actionsBefore, _actions.Count - actionsBefore);
            _dataBudget = budgetBefore;
            FallbackNote = "the recorded branch outputs and inputs would take the copy's definition past 1,048,576 characters: every branch runs again";
            return null;
        }

        return new ParallelResume(parallel.Name, key, branches.MoveToImmutable());
    }

    private MapResume? OpenMap(MapState map, VisitAttempt attempt, string path, ImmutableArray<IterationKey> key)
    {
        if (map.Mode == MapMode.Distributed)
        {
            FallbackNote = "a Distributed Map's child executions cannot read the copy's variables: every item runs again";
            return null;
        }

        var iterations = attempt.Iterations;
        var length = attempt.Start.MapStateStartedEventDetails?.Length ?? (iterations.Count == 0 ? 0 : iterations[^1].Index + 1);
        var actionsBefore = _actions.Count;
        var budgetBefore = _dataBudget;
        var outputs = new JsonArray();
        var rerun = ImmutableArray.CreateBuilder<IterationRerun>();
        var reused = new List<int>();
        var notStarted = new List<int>();
        var bytes = 2L;
        var entryChars = 0L;
        var next = 0;
        for (var i = 0; i < length; i++)
        {
            MapIteration? iteration = null;
            while (next < iterations.Count && iterations[next].Index < i)
            {
                next++;
            }

            if (next < iterations.Count && iterations[next].Index == i)
            {
                iteration = iterations[next];
            }

            // Parsed straight from the history's bytes: a Map of thousands of items holds megabytes of output text.
            if (iteration is { Status: VisitStatus.Succeeded } && iteration.Visits.Count > 0 && LastForced(iteration.Visits) is null
                && iteration.Visits[^1].TryParseOutput(out var output, out var outputLength))
            {
                outputs.Add(new JsonObject { ["o"] = output });
                bytes += outputLength + 7;
                reused.Add(i);
                continue;
            }

            outputs.Add(new JsonObject());
            bytes += 3;
            var itemPath = $"{path}/iteration {i.ToString(CultureInfo.InvariantCulture)}";
            var entry = iteration is null ? null : EntryFor(iteration.Visits, itemPath + "/", key.Add(new IterationKey(map.Name, i)));
            if (entry is null)
            {
                notStarted.Add(i);
            }
            else
            {
                // The guard rule and the Pass that enters the iteration, besides the recorded input.
                entryChars += EntryOverhead + Encoding.UTF8.GetByteCount(entry.Input?.ToJsonString() ?? "null");
            }

            rerun.Add(new IterationRerun(i, entry));
        }

        _dataBudget -= bytes + entryChars;
        string? fallback = null;
        if (bytes > MaxVariableBytes)
        {
            fallback = $"the {reused.Count} reused outputs take {bytes} bytes, over the 256 KiB a variable may hold: every item runs again";
        }
        else if (_dataBudget < 0)
        {
            fallback = $"the {reused.Count} reused outputs ({bytes} bytes) and {rerun.Count - notStarted.Count} resumed iterations would take the copy's definition past 1,048,576 characters: every item runs again";
        }

        if (fallback is not null)
        {
            _actions.RemoveRange(actionsBefore, _actions.Count - actionsBefore);
            _dataBudget = budgetBefore;
            FallbackNote = fallback;
            return null;
        }

        foreach (var (from, to) in Ranges(reused))
        {
            _actions.Insert(actionsBefore++, new StateResumeAction($"{path}/{RangeLabel(from, to)}", ResumeAction.Reuse));
        }

        foreach (var (from, to) in Ranges(notStarted))
        {
            _actions.Add(new StateResumeAction($"{path}/{RangeLabel(from, to)}", ResumeAction.RunAgain, "not started in the failed run"));
        }

        return new MapResume(map.Name, key, length, outputs, rerun.ToImmutable());
    }

    private StateVisit? LastForced(IReadOnlyList<StateVisit> visits)
    {
        if (_forced.Count == 0)
        {
            return null;
        }

        for (var i = visits.Count - 1; i >= 0; i--)
        {
            if (_forced.Contains(visits[i]))
            {
                return visits[i];
            }
        }

        return null;
    }

    private static StateVisit? LastCaught(IReadOnlyList<StateVisit> visits)
    {
        for (var i = visits.Count - 1; i >= 0; i--)
        {
            if (visits[i].Status == VisitStatus.Caught)
            {
                return visits[i];
            }
        }

        return null;
    }

    /// <summary>The scope's variables when <paramref name="target"/> was entered: every earlier exit's assignments, in order.</summary>
    internal static ImmutableArray<VariableValue> VariablesBefore(IReadOnlyList<StateVisit> visits, StateVisit target)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var visit in visits)
        {
            if (ReferenceEquals(visit, target))
            {
                break;
            }

            if (visit.AssignedVariables is { } assigned)
            {
                foreach (var (name, value) in assigned)
                {
                    if (!values.ContainsKey(name))
                    {
                        order.Add(name);
                    }

                    values[name] = value;
                }
            }
        }

        var variables = ImmutableArray.CreateBuilder<VariableValue>(order.Count);
        foreach (var name in order)
        {
            variables.Add(new VariableValue(name, JsonNode.Parse(values[name])));
        }

        return variables.MoveToImmutable();
    }

    private JsonNode? Patched(JsonNode? recorded) => _patch is null ? recorded : JsonMergePatch.Apply(recorded, _patch);

    private static JsonNode? RecordedInput(StateVisit visit)
    {
        if (visit.Input is not { } text)
        {
            throw new ResumePlanningException(
                $"the history holds no input for state '{visit.Name}' (event {visit.Entered.Id}); save it with execution data included");
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ResumePlanningException($"the input recorded for state '{visit.Name}' (event {visit.Entered.Id}) is not valid JSON: {ex.Message}");
        }
    }

    private static string? RecordedOutput(StateVisit last) => last.Output;

    private static string RangeLabel(int from, int to) => from == to
        ? "iteration " + from.ToString(CultureInfo.InvariantCulture)
        : "iteration " + from.ToString(CultureInfo.InvariantCulture) + ".." + to.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(int From, int To)> Ranges(List<int> sorted)
    {
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            yield return (sorted[i], sorted[j]);
            i = j + 1;
        }
    }
}
