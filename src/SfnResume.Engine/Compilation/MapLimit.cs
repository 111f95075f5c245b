using System.Globalization;
using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Runtime;
using AslDynamicValue = SfnResume.Core.Asl.DynamicValue;

namespace SfnResume.Engine.Compilation;

/// <summary>MaxConcurrency and the ToleratedFailure settings of a Map, given literally or through a <c>...Path</c>.</summary>
internal sealed class MapLimit
{
    private readonly decimal? _value;
    private readonly JsonPathExpression? _path;
    private readonly string _pathField;
    private readonly string _kind;
    private JsonataTemplate.Expression? _expression;

    private MapLimit(decimal? value, JsonPathExpression? path, string pathField, string kind)
    {
        _value = value;
        _path = path;
        _pathField = pathField;
        _kind = kind;
    }

    public bool ReadsContext => _path?.Root == JsonPathRoot.Context || (_expression?.ReadsContext ?? false);

    public static MapLimit Compile(AslDynamicValue? value, string pathField, string kind) =>
        value?.Expression is { } expression
            ? new MapLimit(null, null, pathField, kind) { _expression = new JsonataTemplate.Expression(expression, pathField[..^"Path".Length]) }
            : value?.Path is { } path
            ? new MapLimit(null, JsonPathExpression.Parse(path), pathField, kind)
            : new MapLimit(value?.Number, null, pathField, kind);

    public long? ResolveInteger(Frame frame, JsonNode? input)
    {
        if (_expression is not null)
        {
            var evaluated = _expression.EvaluateTyped(JsonataScope.ForInput(frame, input, ReadsContext), "number");
            return JsonNodes.TryGetInt64(evaluated, out var whole)
                ? whole
                : throw _expression.Fail("returned an unexpected result type. Expected 'integer', but was 'number' for value: " + CompactJson.Write(evaluated));
        }

        if (_path is null)
        {
            return _value is { } v ? (long)v : null;
        }

        var value = Read(frame, input);
        if (!JsonNodes.TryGetInt64(value, out var result)
            && !(JsonNodes.TryGetString(value, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result)))
        {
            throw Invalid(value);
        }

        return result;
    }

    public double? ResolveNumber(Frame frame, JsonNode? input)
    {
        if (_expression is not null)
        {
            var evaluated = _expression.EvaluateTyped(JsonataScope.ForInput(frame, input, ReadsContext), "number");
            JsonNodes.TryGetDouble(evaluated, out var number);
            return number;
        }

        if (_path is null)
        {
            return _value is { } v ? (double)v : null;
        }

        // Recorded: a numeric string (a variable assigned "1") is accepted.
        var value = Read(frame, input);
        if (!JsonNodes.TryGetDouble(value, out var result)
            && !(JsonNodes.TryGetString(value, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result)))
        {
            throw Invalid(value);
        }

        return result;
    }

    private JsonNode? Read(Frame frame, JsonNode? input)
    {
        var scope = frame.Scope(input, ReadsContext);
        return _path!.TryEvaluate(scope, out var value) ? value : throw Invalid(null);
    }

    // Recorded: The MaxConcurrencyPath field refers to value "{}" which is not a valid integer: $.MaxConcurrencyValue
    private StatesException Invalid(JsonNode? value) =>
        StatesException.ScopedToState(
            StatesErrorNames.Runtime,
            string.Create(
                CultureInfo.InvariantCulture,
                $"The {_pathField} field refers to value \"{(JsonNodes.TryGetString(value, out var s) ? s : JsonNodes.ToCompactJson(value))}\" which is not a valid {_kind}: {_path!.Text}"));
}
