using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>One run of the definition checks over the model and its raw JSON.</summary>
internal sealed partial class ValidationPass(StateMachineDefinition definition, AslValidationOptions options, List<AslDiagnostic> diagnostics)
{
    private const int MaxStateNameLength = 80;

    private void Report(string code, string message, string pointer) =>
        diagnostics.Add(new AslDiagnostic(code, message, JsonPointer.Display(pointer)));

    private void Schema(string message, string pointer) => Report(AslDiagnosticCodes.SchemaValidationFailed, message, pointer);

    public void Run()
    {
        CheckNames();
        foreach (var scope in definition.AllScopes)
        {
            CheckScope(scope);
        }

        foreach (var location in definition.AllStates)
        {
            CheckState(location.State);
        }
    }

    private void CheckNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in definition.AllStates)
        {
            var state = location.State;
            if (!seen.Add(state.Name))
            {
                Report(AslDiagnosticCodes.DuplicateStateName, $"Duplicate State name: '{state.Name}'", state.Pointer);
            }

            if (state.Name.Length > MaxStateNameLength)
            {
                Report(AslDiagnosticCodes.InvalidStateName, $"State name '{state.Name}' exceeds the maximum length of {MaxStateNameLength}", state.Pointer);
            }
            else if (state.Name.Length == 0)
            {
                Report(AslDiagnosticCodes.InvalidStateName, "State name cannot be empty", state.Pointer);
            }
        }
    }

    private void CheckScope(StateScope scope)
    {
        var raw = scope.Raw;
        if (!scope.IsRoot)
        {
            var missing = new List<string>(2);
            if (!raw.ContainsKey("States"))
            {
                missing.Add("States");
            }

            if (!raw.ContainsKey("StartAt"))
            {
                missing.Add("StartAt");
            }

            if (missing.Count > 0)
            {
                Schema($"These fields are required: [{string.Join(", ", missing)}]", scope.Pointer);
            }
        }

        if (raw["States"] is JsonObject { Count: 0 })
        {
            Schema("Value cannot be empty", JsonPointer.Append(scope.Pointer, "States"));
        }

        if (raw.ContainsKey("StartAt") && raw["StartAt"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && !scope.StatesByName.ContainsKey(scope.StartAt) && raw["States"] is JsonObject)
        {
            Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {scope.StartAt}", JsonPointer.Append(scope.Pointer, "StartAt"));
        }

        CheckTargetsAndReachability(scope);
    }

    private void CheckTargetsAndReachability(StateScope scope)
    {
        foreach (var state in scope.States)
        {
            foreach (var (target, pointer) in Targets(state))
            {
                if (!scope.StatesByName.ContainsKey(target))
                {
                    Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {target}", pointer);
                }
            }
        }

        if (!scope.StatesByName.ContainsKey(scope.StartAt))
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { scope.StartAt };
        var work = new Stack<StateDefinition>();
        work.Push(scope.StatesByName[scope.StartAt]);
        while (work.Count > 0)
        {
            foreach (var next in work.Pop().Successors)
            {
                if (scope.StatesByName.TryGetValue(next, out var target) && reached.Add(next))
                {
                    work.Push(target);
                }
            }
        }

        foreach (var state in scope.States)
        {
            if (!reached.Contains(state.Name))
            {
                Report(AslDiagnosticCodes.UnreachableState, $"State '{state.Name}' is not reachable", state.Pointer);
            }
        }

        if (!scope.States.Any(s => s.IsTerminal && reached.Contains(s.Name)) && scope.States.Length > 0)
        {
            Report(AslDiagnosticCodes.MissingEndState, "No End state", scope.Pointer);
        }
    }

    /// <summary>Every transition target a state names, with the pointer of the field naming it.</summary>
    private static IEnumerable<(string Target, string Pointer)> Targets(StateDefinition state)
    {
        if (state.Transition?.NextState is { } next)
        {
            yield return (next, JsonPointer.Append(state.Pointer, "Next"));
        }

        if (state is ChoiceState choice)
        {
            foreach (var rule in choice.Choices)
            {
                if (rule.Next is { } ruleNext)
                {
                    yield return (ruleNext, JsonPointer.Append(rule.Pointer, "Next"));
                }
            }

            if (choice.Default is { } fallback)
            {
                yield return (fallback, JsonPointer.Append(state.Pointer, "Default"));
            }
        }

        foreach (var catcher in CatchersOf(state))
        {
            if (catcher.Raw.ContainsKey("Next"))
            {
                yield return (catcher.Next, JsonPointer.Append(catcher.Pointer, "Next"));
            }
        }
    }

    private static IEnumerable<Catcher> CatchersOf(StateDefinition state) => state switch
    {
        TaskState t => t.Catch,
        ParallelState p => p.Catch,
        MapState m => m.Catch,
        _ => [],
    };

    private static IEnumerable<Retrier> RetriersOf(StateDefinition state) => state switch
    {
        TaskState t => t.Retry,
        ParallelState p => p.Retry,
        MapState m => m.Retry,
        _ => [],
    };

    private void CheckState(StateDefinition state)
    {
        CheckTransition(state);
        if (state is TaskState task && options.Kind == StateMachineKind.Express)
        {
            CheckExpressResource(task);
        }
    }

    /// <summary>Express machines cannot wait for callbacks, run .sync jobs or poll activities (recorded AWS texts).</summary>
    private void CheckExpressResource(TaskState task)
    {
        var pointer = JsonPointer.Append(task.Pointer, "Resource");
        var resource = task.Resource;
        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support '.waitForTaskToken' service integration ", pointer);
        }
        else if (resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support '.sync' service integration", pointer);
        }
        else if (resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":activity:", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support Activity ARN", pointer);
        }
    }

    private void CheckTransition(StateDefinition state)
    {
        var raw = state.Raw;
        var hasNext = raw.ContainsKey("Next");
        var hasEnd = raw.ContainsKey("End");
        if (state.Type is StateType.Choice or StateType.Succeed or StateType.Fail)
        {
            return;
        }

        if (hasNext && hasEnd)
        {
            Schema("Only one of 'Next' or 'End' can be specified", state.Pointer);
        }
        else if (!hasNext && !hasEnd)
        {
            Schema("Either 'Next' or 'End' is required", state.Pointer);
        }
        else if (hasEnd && raw["End"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            Schema("The field 'End' must be true", JsonPointer.Append(state.Pointer, "End"));
        }
    }
}
