using SfnResume.Core.Asl;

namespace SfnResume.Resume;

public static partial class DefinitionRewriter
{
    /// <summary>
    /// The resumable copy of <paramref name="definition"/> for <paramref name="plan"/>, modelled and validated.
    /// A copy that fails validation is a bug here, not a user error.
    /// </summary>
    public static StateMachineDefinition Apply(StateMachineDefinition definition, ResumePlan plan)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(plan);
        var raw = AddGoToState(definition.Raw, plan.ResumeState, plan.ChoiceStateName, plan.FlagName, plan.Jsonata);
        if (plan.Entry is { } entry)
        {
            Nested.NestedRewriter.Apply(raw, definition, plan, entry);
        }

        var length = JsonSize.Utf8Length(raw);
        if (length > Nested.ResumeTreeBuilder.MaxDefinitionChars)
        {
            throw new ResumePlanningException(
                $"the resumable copy would have {length} characters, over the 1,048,576 CreateStateMachine accepts; resume from an enclosing state with --from");
        }

        // Modelled and validated from the nodes already built: writing the copy out and parsing the text again
        // (as StateMachineDefinition.With does) doubles the cost of a rewrite for the same result.
        ParsedValues.Normalize(raw);
        var parsed = AslParser.Parse(raw);
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException(
                "the rewritten definition is invalid: " + string.Join("; ", parsed.Errors.Select(d => d.ToString())));
        }

        return parsed.Definition!;
    }
}
