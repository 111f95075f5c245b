using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Errors;
using SfnResume.Core.History;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>Pass (https://states-language.net/#pass-state): InputPath, Parameters, Result, ResultPath, OutputPath, Assign.</summary>
internal sealed class PassNode : StateNode
{
    private readonly SelectPath _inputPath;
    private readonly TemplateField? _parameters;
    private readonly JsonNode? _result;
    private readonly bool _hasResult;
    private readonly ResultPathField _resultPath;
    private readonly SelectPath _outputPath;
    private readonly AssignField? _assign;
    private readonly EngineRandom _random;
    private readonly JsonataOutcome? _jsonata;

    public PassNode(PassState state, EngineRandom random)
        : base(state, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited)
    {
        _inputPath = SelectPath.Compile(state.InputPath);
        _parameters = TemplateField.Compile(state.Parameters);
        _result = state.Result?.DeepClone();
        _hasResult = state.Raw.ContainsKey("Result");
        _resultPath = ResultPathField.Compile(state.ResultPath);
        _outputPath = SelectPath.Compile(state.OutputPath);
        _assign = AssignField.Compile(state.Assign);
        _random = random;
        if (state.IsJsonata)
        {
            _jsonata = JsonataOutcome.Compile(state.Output, state.Assign, state.Raw.ContainsKey("Output"));
            ReadsContext = _jsonata.ReadsContext;
            return;
        }

        ReadsContext = _inputPath.ReadsContext || _outputPath.ReadsContext || (_parameters?.ReadsContext ?? false) || (_assign?.ReadsContext ?? false);
    }

    public override ValueTask<Step> RunAsync(Frame frame, Payload input)
    {
        var enteredId = Enter(frame, input);
        if (_jsonata is not null)
        {
            try
            {
                var (output, assigned) = _jsonata.Evaluate(JsonataScope.ForInput(frame, input.Node, ReadsContext), input);
                return new ValueTask<Step>(Exit(frame, output, assigned, Next));
            }
            catch (QueryEvaluationException e)
            {
                return new ValueTask<Step>(EvaluationFailed(frame, e, enteredId));
            }
        }

        try
        {
            var effective = _inputPath.Apply(frame, input);
            Payload result;
            if (_hasResult)
            {
                result = Payload.FromNode(_result?.DeepClone());
            }
            else if (_parameters is not null)
            {
                result = _parameters.Evaluate(frame, effective, _random);
            }
            else
            {
                result = effective;
            }

            var assigned = _assign?.Evaluate(frame, result.Node, _random);
            var output = _outputPath.Apply(frame, _resultPath.Apply(input, result));
            return new ValueTask<Step>(Exit(frame, output, assigned, Next));
        }
        catch (StatesException e)
        {
            return new ValueTask<Step>(Failed(e, enteredId));
        }
    }
}
