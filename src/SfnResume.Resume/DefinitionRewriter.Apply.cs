using System.Text.Json.Nodes;
using SfnResume.Core.Asl;

namespace SfnResume.Resume;

public static partial class DefinitionRewriter
{
    /// <summary>
    /// The resumable copy of <paramref name="definition"/> for <paramref name="plan"/>, modelled and validated.
    /// A copy that fails validation is a bug here, not a user error.
    /// </summary>
    public static StateMachineDefinition Apply(StateMachineDefinition definition, ResumePlan plan) =>
        Apply(definition, plan, Draft(definition));

    /// <summary>
    /// Takes the copy of <paramref name="definition"/>'s document that <see cref="Apply(StateMachineDefinition, ResumePlan, DefinitionDraft)"/>
    /// turns into the resumable copy. Copying a large definition is much of a rewrite's cost and needs no plan, so a
    /// caller may take the draft on another thread while the plan is made (reading a parsed definition from several
    /// threads is safe).
    /// </summary>
    public static DefinitionDraft Draft(StateMachineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new DefinitionDraft(definition, (JsonObject)definition.Raw.DeepClone());
    }

    /// <summary>As <see cref="Apply(StateMachineDefinition, ResumePlan)"/>, from a draft of the same definition, used once.</summary>
    public static StateMachineDefinition Apply(StateMachineDefinition definition, ResumePlan plan, DefinitionDraft draft) =>
        Model(Rewrite(definition, plan, draft));

    /// <summary>
    /// The resumable copy's document, complete but not yet checked against the size CreateStateMachine accepts,
    /// modelled and validated: <see cref="Model"/> does that, and a caller that only writes the copy out may do it
    /// meanwhile on another thread (the document is fully built, so reading it from several threads is safe).
    /// </summary>
    public static JsonObject Rewrite(StateMachineDefinition definition, ResumePlan plan, DefinitionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(draft);
        var raw = draft.Take(definition);
        InsertGoToState(raw, plan.ResumeState, plan.ChoiceStateName, plan.FlagName, plan.Jsonata);
        if (plan.Entry is { } entry)
        {
            Nested.NestedRewriter.Apply(raw, definition, plan, entry);
        }

        // Values created in code take the form parsed values have, so the copy is modelled from these nodes and reads
        // exactly as its text parsed again would.
        ParsedValues.Normalize(raw);
        return raw;
    }

    /// <summary>
    /// Checks a document <see cref="Rewrite"/> returned against the size CreateStateMachine accepts (a
    /// <see cref="ResumePlanningException"/> when it is over), then models and validates it. Modelled from the nodes
    /// already built: writing the copy out and parsing the text again (as StateMachineDefinition.With does) doubles
    /// the cost for the same result. A copy that fails validation is a bug here, not a user error.
    /// </summary>
    public static StateMachineDefinition Model(JsonObject rewritten)
    {
        ArgumentNullException.ThrowIfNull(rewritten);
        var length = JsonSize.Utf8Length(rewritten);
        if (length > Nested.ResumeTreeBuilder.MaxDefinitionChars)
        {
            throw new ResumePlanningException(
                $"the resumable copy would have {length} characters, over the 1,048,576 CreateStateMachine accepts; resume from an enclosing state with --from");
        }

        var parsed = AslParser.Parse(rewritten);
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException(
                "the rewritten definition is invalid: " + string.Join("; ", parsed.Errors.Select(d => d.ToString())));
        }

        return parsed.Definition!;
    }
}

/// <summary>A copy of a definition's document on its way to becoming the resumable copy; see <see cref="DefinitionRewriter.Draft"/>.</summary>
public sealed class DefinitionDraft
{
    private readonly StateMachineDefinition _source;
    private JsonObject? _raw;

    internal DefinitionDraft(StateMachineDefinition source, JsonObject raw)
    {
        _source = source;
        _raw = raw;
    }

    /// <summary>The copy, once: a rewrite changes it in place.</summary>
    internal JsonObject Take(StateMachineDefinition definition)
    {
        if (!ReferenceEquals(definition, _source))
        {
            throw new ArgumentException("the draft was taken from another definition", nameof(definition));
        }

        return Interlocked.Exchange(ref _raw, null) ?? throw new InvalidOperationException("the draft has already been used");
    }
}
