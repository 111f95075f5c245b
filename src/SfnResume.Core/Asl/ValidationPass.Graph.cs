namespace SfnResume.Core.Asl;

/// <summary>Transition checks, worded as AWS words them (every missing target is "Missing 'Next' target").</summary>
internal sealed partial class ValidationPass
{
    private void CheckGraph(StateScope scope)
    {
        if (!scope.StatesByName.ContainsKey(scope.StartAt))
        {
            Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {scope.StartAt}", AslLocation.Append(scope.Pointer, "StartAt"));
        }

        foreach (var state in scope.States)
        {
            foreach (var (target, location) in Targets(state))
            {
                if (!scope.StatesByName.ContainsKey(target))
                {
                    Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {target}", location);
                }
            }
        }

        // AWS reports a scope without any terminal state once, without a location, and then skips the
        // reachability walk for it.
        if (!scope.States.Any(s => s.IsTerminal))
        {
            Report(AslDiagnosticCodes.MissingEndState, "Workflow has no terminal state", null);
            return;
        }

        var reached = new HashSet<string>(scope.States.Length, StringComparer.Ordinal);
        var work = new Stack<StateDefinition>();
        if (scope.StatesByName.TryGetValue(scope.StartAt, out var start))
        {
            reached.Add(start.Name);
            work.Push(start);
        }

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
                Report(AslDiagnosticCodes.MissingTransitionTarget, $"State \"{state.Name}\" is not reachable.", state.Pointer);
            }
        }
    }

    /// <summary>Every transition target a state names, with the location of the field naming it.</summary>
    private static IEnumerable<(string Target, string Location)> Targets(StateDefinition state)
    {
        if (state.Transition?.NextState is { } next)
        {
            yield return (next, AslLocation.Append(state.Pointer, "Next"));
        }

        if (state is ChoiceState choice)
        {
            foreach (var rule in choice.Choices)
            {
                if (rule.Next is { } ruleNext)
                {
                    yield return (ruleNext, AslLocation.Append(rule.Pointer, "Next"));
                }
            }

            if (choice.Default is { } fallback)
            {
                yield return (fallback, AslLocation.Append(state.Pointer, "Default"));
            }
        }

        foreach (var catcher in state.Catch)
        {
            if (catcher.Raw.ContainsKey("Next"))
            {
                yield return (catcher.Next, AslLocation.Append(catcher.Pointer, "Next"));
            }
        }
    }
}
