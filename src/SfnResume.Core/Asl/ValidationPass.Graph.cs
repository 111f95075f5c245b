using System.Collections.Frozen;

namespace SfnResume.Core.Asl;

/// <summary>Transition checks, worded as AWS words them (every missing target is "Missing 'Next' target").</summary>
internal sealed partial class ValidationPass
{
    private void CheckGraph(StateScope scope)
    {
        var byName = scope.StatesByName;
        if (!byName.ContainsKey(scope.StartAt))
        {
            Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {scope.StartAt}", AslLocation.Append(scope.Pointer, "StartAt"));
        }

        // One pass over the states; a field's location is only spelled out for a problem to report.
        var hasTerminal = false;
        foreach (var state in scope.States)
        {
            hasTerminal |= state.IsTerminal;
            CheckTargets(state, byName);
        }

        // AWS reports a scope without any terminal state once, without a location, and then skips the
        // reachability walk for it.
        if (!hasTerminal)
        {
            Report(AslDiagnosticCodes.MissingEndState, "Workflow has no terminal state", null);
            return;
        }

        var reached = new HashSet<string>(scope.States.Length, StringComparer.Ordinal);
        var work = new Stack<StateDefinition>(scope.States.Length);
        if (byName.TryGetValue(scope.StartAt, out var start))
        {
            reached.Add(start.Name);
            work.Push(start);
        }

        while (work.Count > 0)
        {
            foreach (var next in work.Pop().Successors)
            {
                if (byName.TryGetValue(next, out var target) && reached.Add(next))
                {
                    work.Push(target);
                }
            }
        }

        if (reached.Count == scope.States.Length)
        {
            return;
        }

        foreach (var state in scope.States)
        {
            if (!reached.Contains(state.Name))
            {
                Report(AslDiagnosticCodes.MissingTransitionTarget, $"State \"{state.Name}\" is not reachable.", state.Pointer);
            }
        }
    }

    /// <summary>Reports every transition target a state names that its scope does not have, in field order.</summary>
    private void CheckTargets(StateDefinition state, FrozenDictionary<string, StateDefinition> byName)
    {
        if (state.Transition?.NextState is { } next && !byName.ContainsKey(next))
        {
            MissingTarget(next, state.Pointer, "Next");
        }

        if (state is ChoiceState choice)
        {
            foreach (var rule in choice.Choices)
            {
                if (rule.Next is { } ruleNext && !byName.ContainsKey(ruleNext))
                {
                    MissingTarget(ruleNext, rule.Pointer, "Next");
                }
            }

            if (choice.Default is { } fallback && !byName.ContainsKey(fallback))
            {
                MissingTarget(fallback, state.Pointer, "Default");
            }
        }

        foreach (var catcher in state.Catch)
        {
            if (catcher.Raw.ContainsKey("Next") && !byName.ContainsKey(catcher.Next))
            {
                MissingTarget(catcher.Next, catcher.Pointer, "Next");
            }
        }
    }

    private void MissingTarget(string target, string pointer, string field) =>
        Report(AslDiagnosticCodes.MissingTransitionTarget, $"Missing 'Next' target: {target}", AslLocation.Append(pointer, field));
}
