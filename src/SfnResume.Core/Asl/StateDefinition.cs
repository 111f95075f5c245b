using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// Fields every state may have. Fields a type forbids are still read (so the validator can report them)
/// but are absent in a valid definition.
/// </summary>
public abstract record StateDefinition
{
    public required string Name { get; init; }

    public abstract StateType Type { get; }

    public string? Comment { get; init; }

    /// <summary>The state's own <c>QueryLanguage</c>, or null when it does not say.</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    /// <summary>The state's own language, else the machine's, else JSONPath.</summary>
    public required QueryLanguage EffectiveQueryLanguage { get; init; }

    public OptionalPath InputPath { get; init; }

    public OptionalPath OutputPath { get; init; }

    /// <summary>JSONata <c>Output</c> template.</summary>
    public JsonNode? Output { get; init; }

    /// <summary><c>Assign</c> template (variables).</summary>
    public JsonNode? Assign { get; init; }

    /// <summary>Retriers in order; empty for types without <c>Retry</c> (only Task, Parallel and Map accept it).</summary>
    public ImmutableArray<Retrier> Retry { get; init; } = [];

    /// <summary>Catchers in order; empty for types without <c>Catch</c> (only Task, Parallel and Map accept it).</summary>
    public ImmutableArray<Catcher> Catch { get; init; } = [];

    /// <summary>The state object as written; do not mutate (copy-on-write through the definition's <c>With*</c> methods).</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>Location of the state as diagnostics print it, e.g. <c>/States/P/Branches[0]/States/Charge</c>.</summary>
    public required string Pointer { get; init; }

    /// <summary>True for JSONata states.</summary>
    public bool IsJsonata => EffectiveQueryLanguage == Asl.QueryLanguage.Jsonata;

    /// <summary>Every state this state can move to within its scope (Next, Default, rule and catcher targets).</summary>
    public virtual IEnumerable<string> Successors => [];

    /// <summary>The transition, for the types that have one (Pass, Task, Wait, Parallel, Map).</summary>
    public virtual Transition? Transition => null;

    /// <summary>Nested scopes (Parallel branches, Map processor); empty for other types.</summary>
    public virtual ImmutableArray<StateScope> ChildScopes => [];

    /// <summary>True when finishing this state finishes its scope (End, Succeed, Fail).</summary>
    public virtual bool IsTerminal => Transition?.IsEnd == true;

    private protected static IEnumerable<string> TransitionAndCatch(Transition? transition, ImmutableArray<Catcher> catchers)
    {
        if (transition?.NextState is { } next)
        {
            yield return next;
        }

        foreach (var c in catchers)
        {
            yield return c.Next;
        }
    }
}

/// <summary>Pass: moves its input (or <see cref="Result"/>) to its output.</summary>
public sealed record PassState : StateDefinition
{
    public override StateType Type => StateType.Pass;

    public required Transition Next { get; init; }

    public override Transition? Transition => Next;

    public JsonNode? Parameters { get; init; }

    /// <summary>Literal result; keys ending in <c>.$</c> are not evaluated here.</summary>
    public JsonNode? Result { get; init; }

    public OptionalPath ResultPath { get; init; }

    public override IEnumerable<string> Successors => TransitionAndCatch(Next, []);
}

/// <summary>Task: calls a resource.</summary>
public sealed record TaskState : StateDefinition
{
    public override StateType Type => StateType.Task;

    public required Transition Next { get; init; }

    public override Transition? Transition => Next;

    public required string Resource { get; init; }

    public JsonNode? Parameters { get; init; }

    public JsonNode? Arguments { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public OptionalPath ResultPath { get; init; }

    /// <summary>TimeoutSeconds / TimeoutSecondsPath / JSONata; null when absent (AWS default 99999999).</summary>
    public DynamicValue? TimeoutSeconds { get; init; }

    public DynamicValue? HeartbeatSeconds { get; init; }

    /// <summary>Credentials template (<c>{"RoleArn": ...}</c>).</summary>
    public JsonNode? Credentials { get; init; }

    public override IEnumerable<string> Successors => TransitionAndCatch(Next, Catch);
}

/// <summary>Choice: picks the first matching rule, else <see cref="Default"/>.</summary>
public sealed record ChoiceState : StateDefinition
{
    public override StateType Type => StateType.Choice;

    public required ImmutableArray<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<string> Successors =>
        Choices.Select(c => c.Next).OfType<string>().Concat(Default is null ? [] : [Default]);
}

/// <summary>Wait: delays by Seconds or until Timestamp (literal, path or JSONata forms).</summary>
public sealed record WaitState : StateDefinition
{
    public override StateType Type => StateType.Wait;

    public required Transition Next { get; init; }

    public override Transition? Transition => Next;

    /// <summary>Seconds / SecondsPath / JSONata.</summary>
    public DynamicValue? Seconds { get; init; }

    /// <summary>Timestamp / TimestampPath / JSONata.</summary>
    public DynamicValue? Timestamp { get; init; }

    public override IEnumerable<string> Successors => TransitionAndCatch(Next, []);
}

/// <summary>Succeed: ends the machine or branch successfully.</summary>
public sealed record SucceedState : StateDefinition
{
    public override StateType Type => StateType.Succeed;

    public override bool IsTerminal => true;
}

/// <summary>Fail: ends the machine or branch with an error.</summary>
public sealed record FailState : StateDefinition
{
    public override StateType Type => StateType.Fail;

    /// <summary>Error / ErrorPath / JSONata.</summary>
    public DynamicValue? Error { get; init; }

    /// <summary>Cause / CausePath / JSONata.</summary>
    public DynamicValue? Cause { get; init; }

    public override bool IsTerminal => true;
}

/// <summary>Parallel: runs every branch on the same input.</summary>
public sealed record ParallelState : StateDefinition
{
    public override StateType Type => StateType.Parallel;

    public required Transition Next { get; init; }

    public override Transition? Transition => Next;

    public required ImmutableArray<StateScope> Branches { get; init; }

    public override ImmutableArray<StateScope> ChildScopes => Branches;

    public JsonNode? Parameters { get; init; }

    public JsonNode? Arguments { get; init; }

    public JsonNode? ResultSelector { get; init; }

    public OptionalPath ResultPath { get; init; }

    public override IEnumerable<string> Successors => TransitionAndCatch(Next, Catch);
}
