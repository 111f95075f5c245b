using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>Succeed (https://states-language.net/#succeed-state): InputPath, OutputPath, then the scope ends.</summary>
internal sealed class SucceedNode : StateNode
{
    private readonly SelectPath _inputPath;
    private readonly SelectPath _outputPath;
    private readonly JsonataOutcome? _jsonata;

    public SucceedNode(SucceedState state)
        : base(state, HistoryEventType.SucceedStateEntered, HistoryEventType.SucceedStateExited)
    {
        _inputPath = SelectPath.Compile(state.InputPath);
        _outputPath = SelectPath.Compile(state.OutputPath);
        if (state.IsJsonata)
        {
            _jsonata = JsonataOutcome.Compile(state.Output, null, state.Raw.ContainsKey("Output"));
        }

        ReadsContext = _inputPath.ReadsContext || _outputPath.ReadsContext || (_jsonata?.ReadsContext ?? false);
    }

    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        if (_jsonata is not null)
        {
            try
            {
                var (output, _) = _jsonata.Evaluate(JsonataScope.ForInput(frame, input.Node, ReadsContext), input);
                return new ValueTask<Step>(Exit(frame, output, null, null));
            }
            catch (QueryEvaluationException e)
            {
                return new ValueTask<Step>(EvaluationFailed(frame, e, enteredId));
            }
        }

        try
        {
            var output = _outputPath.Apply(frame, _inputPath.Apply(frame, input));
            return new ValueTask<Step>(Exit(frame, output, null, null));
        }
        catch (StatesException e)
        {
            return new ValueTask<Step>(Failed(e, enteredId));
        }
    }
}
