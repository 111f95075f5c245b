using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Choice (https://states-language.net/#choice-state): the first matching rule picks the next state, else
/// <c>Default</c>, else <c>States.NoChoiceMatched</c>. A matching rule's <c>Assign</c> runs; the state-level
/// <c>Assign</c> runs when <c>Default</c> is taken.
/// </summary>
internal sealed class ChoiceNode : StateNode
{
    /// <summary>Cause AWS gives when no rule matches and there is no Default (not confirmed by a recording).</summary>
    public const string NoMatchCause = "No Matches!";

    private readonly SelectPath _inputPath;
    private readonly SelectPath _outputPath;
    private readonly Branch[] _rules;
    private readonly AssignField? _assign;
    private readonly EngineRandom _random;
    private readonly JsonataBranch[]? _jsonataRules;
    private readonly JsonataOutcome? _jsonataDefault;

    public ChoiceNode(ChoiceState state, EngineRandom random)
        : base(state, HistoryEventType.ChoiceStateEntered, HistoryEventType.ChoiceStateExited)
    {
        _inputPath = SelectPath.Compile(state.InputPath);
        _outputPath = SelectPath.Compile(state.OutputPath);
        _random = random;
        DefaultName = state.Default;
        if (state.IsJsonata)
        {
            _rules = [];
            _jsonataRules = [.. state.Choices.Select(r => new JsonataBranch(r.Next!, JsonataCondition.Compile(r), JsonataOutcome.Compile(r.Output, r.Assign)))];
            _jsonataDefault = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
            ReadsContext = _jsonataDefault.ReadsContext || _jsonataRules.Any(r => r.Condition.ReadsContext || r.Outcome.ReadsContext);
            return;
        }

        _rules = [.. state.Choices.Select(r => new Branch(r.Next!, Condition.Compile(r), AssignField.Compile(r.Assign)))];
        _assign = AssignField.Compile(state.Assign);
        ReadsContext = _inputPath.ReadsContext || _outputPath.ReadsContext || _rules.Any(r => r.Condition.ReadsContext || (r.Assign?.ReadsContext ?? false))
            || (_assign?.ReadsContext ?? false);
    }

    public string? DefaultName { get; }

    public StateNode? Default { get; set; }

    public IEnumerable<string> RuleTargets => _jsonataRules is null ? _rules.Select(r => r.NextName) : _jsonataRules.Select(r => r.NextName);

    /// <summary>Links each rule to its target node (after all nodes of the scope exist).</summary>
    public void Link(Func<string, StateNode> resolve)
    {
        foreach (var rule in _rules)
        {
            rule.Target = resolve(rule.NextName);
        }

        foreach (var rule in _jsonataRules ?? [])
        {
            rule.Target = resolve(rule.NextName);
        }

        if (DefaultName is not null)
        {
            Default = resolve(DefaultName);
        }
    }

    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        if (_jsonataRules is not null)
        {
            try
            {
                return new ValueTask<Step>(RunJsonata(frame, input));
            }
            catch (QueryEvaluationException e)
            {
                return new ValueTask<Step>(EvaluationFailed(frame, e, enteredId));
            }
        }

        try
        {
            var effective = _inputPath.Apply(frame, input);
            var node = effective.Node;
            StateNode? next = null;
            AssignField? assign = _assign;
            foreach (var rule in _rules)
            {
                if (rule.Condition.Evaluate(frame, node))
                {
                    next = rule.Target;
                    assign = rule.Assign;
                    break;
                }
            }

            if (next is null)
            {
                if (Default is null)
                {
                    return new ValueTask<Step>(Step.Fail(StatesErrorNames.NoChoiceMatched, NoMatchCause));
                }

                next = Default;
            }

            var assigned = assign?.Evaluate(frame, node, _random);
            var output = _outputPath.Apply(frame, effective);
            return new ValueTask<Step>(Exit(frame, output, assigned, next));
        }
        catch (StatesException e)
        {
            return new ValueTask<Step>(Failed(e, enteredId));
        }
    }

    private Step RunJsonata(Frame frame, Payload input)
    {
        var scope = JsonataScope.ForInput(frame, input.Node, ReadsContext);
        foreach (var rule in _jsonataRules!)
        {
            if (rule.Condition.Evaluate(scope))
            {
                var (output, assigned) = rule.Outcome.Evaluate(scope, input);
                return Exit(frame, output, assigned, rule.Target);
            }
        }

        if (Default is null)
        {
            return Step.Fail(StatesErrorNames.NoChoiceMatched, NoMatchCause);
        }

        var (fallback, defaultAssigned) = _jsonataDefault!.Evaluate(scope, input);
        return Exit(frame, fallback, defaultAssigned, Default);
    }

    private sealed class JsonataBranch(string nextName, JsonataCondition condition, JsonataOutcome outcome)
    {
        public string NextName { get; } = nextName;

        public JsonataCondition Condition { get; } = condition;

        public JsonataOutcome Outcome { get; } = outcome;

        public StateNode? Target { get; set; }
    }

    private sealed class Branch(string nextName, Condition condition, AssignField? assign)
    {
        public string NextName { get; } = nextName;

        public Condition Condition { get; } = condition;

        public AssignField? Assign { get; } = assign;

        public StateNode? Target { get; set; }
    }
}
