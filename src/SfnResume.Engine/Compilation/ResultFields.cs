using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// What a Task, Parallel or Map state does with its result under JSONPath, in AWS's order: ResultSelector shapes the
/// result, ResultPath places it into the state's input, OutputPath selects the output; Assign reads the result as it
/// came (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).
/// </summary>
internal sealed class ResultFields
{
    private readonly TemplateField? _resultSelector;
    private readonly ResultPathField _resultPath;
    private readonly SelectPath _outputPath;
    private readonly AssignField? _assign;

    public ResultFields(JsonNode? resultSelector, OptionalPath resultPath, OptionalPath outputPath, JsonNode? assign)
    {
        _resultSelector = TemplateField.Compile(resultSelector);
        _resultPath = ResultPathField.Compile(resultPath);
        _outputPath = SelectPath.Compile(outputPath);
        _assign = AssignField.Compile(assign);
    }

    public bool ReadsContext => _outputPath.ReadsContext || (_resultSelector?.ReadsContext ?? false) || (_assign?.ReadsContext ?? false);

    /// <summary>The state's output for <paramref name="result"/>, and the variables it assigns; a path that does not
    /// resolve raises its <see cref="SfnResume.Core.Errors.StatesException"/>.</summary>
    public Payload Output(Frame frame, Payload input, Payload result, IIntrinsicRandom random, out PendingAssignment? assigned)
    {
        var selected = _resultSelector is null ? result : _resultSelector.Evaluate(frame, result, random);
        assigned = _assign?.Evaluate(frame, result.Node, random);
        return Reuse(selected, _outputPath.Apply(frame, _resultPath.Apply(input, selected)));
    }

    /// <summary>
    /// The output when OutputPath selected exactly the (unchanged) result node: the result's text is reused, so a
    /// large Map or Parallel result is not serialised a second time.
    /// </summary>
    private static Payload Reuse(Payload result, Payload output) =>
        !ReferenceEquals(result, output) && result.Holds(output.Node) && !output.IsShared ? result : output;
}
