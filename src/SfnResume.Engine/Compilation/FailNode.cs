using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;
using PathOrIntrinsic = SfnResume.Core.Expressions.DynamicValue;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Fail (https://states-language.net/#fail-state): ends the scope with <c>Error</c>/<c>Cause</c>, or the values
/// <c>ErrorPath</c>/<c>CausePath</c> select (a path or an intrinsic call). There is no Exited event.
/// </summary>
internal sealed class FailNode : StateNode
{
    private readonly string? _error;
    private readonly string? _cause;
    private readonly PathOrIntrinsic? _errorPath;
    private readonly PathOrIntrinsic? _causePath;
    private readonly EngineRandom _random;
    private readonly JsonataTemplate.Expression? _errorExpression;
    private readonly JsonataTemplate.Expression? _causeExpression;

    public FailNode(FailState state, EngineRandom random)
        : base(state, HistoryEventType.FailStateEntered, HistoryEventType.FailStateEntered)
    {
        _error = state.Error?.Text;
        _cause = state.Cause?.Text;
        _errorPath = state.Error?.Path is { } ep ? PathOrIntrinsic.Parse(ep) : null;
        _causePath = state.Cause?.Path is { } cp ? PathOrIntrinsic.Parse(cp) : null;
        _random = random;
        _errorExpression = state.Error?.Expression is { } ee ? new JsonataTemplate.Expression(ee, "Error") : null;
        _causeExpression = state.Cause?.Expression is { } ce ? new JsonataTemplate.Expression(ce, "Cause") : null;
        ReadsContext = (_errorExpression?.ReadsContext ?? false) || (_causeExpression?.ReadsContext ?? false) || ContextUse.Mentions(state.Error?.Path) || ContextUse.Mentions(state.Cause?.Path);
    }

    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        if (_errorExpression is not null || _causeExpression is not null)
        {
            try
            {
                var scope = JsonataScope.ForInput(frame, input.Node, ReadsContext);
                var error = _errorExpression is null ? _error : AsText(_errorExpression.EvaluateTyped(scope, "string"));
                var cause = _causeExpression is null ? _cause : AsText(_causeExpression.EvaluateTyped(scope, "string"));
                return new ValueTask<Step>(Step.Fail(error, cause));
            }
            catch (QueryEvaluationException e)
            {
                return new ValueTask<Step>(EvaluationFailed(frame, e, enteredId));
            }
        }

        try
        {
            var scope = frame.Scope(input.Node, ReadsContext);
            var error = _errorPath is null ? _error : AsText(_errorPath.Evaluate(scope, _random, "ErrorPath"));
            var cause = _causePath is null ? _cause : AsText(_causePath.Evaluate(scope, _random, "CausePath"));
            return new ValueTask<Step>(Step.Fail(error, cause));
        }
        catch (StatesException e)
        {
            return new ValueTask<Step>(Failed(e, enteredId));
        }
    }

    // ErrorPath/CausePath should select strings; any other value is recorded as its JSON text.
    private static string AsText(JsonNode? value) => JsonNodes.TryGetString(value, out var s) ? s : JsonNodes.ToCompactJson(value);
}
