using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Runtime;
using AslDynamicValue = SfnResume.Core.Asl.DynamicValue;

namespace SfnResume.Engine.Compilation;

/// <summary><c>TimeoutSeconds</c>/<c>HeartbeatSeconds</c> given literally or through their <c>...Path</c> twins.</summary>
internal sealed class TimeoutField
{
    private readonly long? _seconds;
    private readonly JsonPathExpression? _path;
    private readonly string _pathField;
    private JsonataTemplate.Expression? _expression;

    private TimeoutField(long? seconds, JsonPathExpression? path, string pathField)
    {
        _seconds = seconds;
        _path = path;
        _pathField = pathField;
    }

    public bool ReadsContext => _path?.Root == JsonPathRoot.Context || (_expression?.ReadsContext ?? false);

    public static TimeoutField Compile(AslDynamicValue? value, string pathField)
    {
        if (value?.Expression is { } expression)
        {
            return new TimeoutField(null, null, pathField) { _expression = new JsonataTemplate.Expression(expression, pathField.Replace("Path", "", StringComparison.Ordinal)) };
        }

        if (value?.Path is { } path)
        {
            return new TimeoutField(null, JsonPathExpression.Parse(path), pathField);
        }

        return new TimeoutField(value?.Number is { } n ? (long)n : null, null, pathField);
    }

    /// <summary>The number of seconds, or null when the state does not set it.</summary>
    /// <summary>A JSONata <c>TimeoutSeconds</c>/<c>HeartbeatSeconds</c> expression: it must give a positive integer.</summary>
    public long? Resolve(JsonataScope scope)
    {
        if (_expression is null)
        {
            return _seconds;
        }

        var value = _expression.EvaluateTyped(scope, "number");
        return JsonNodes.TryGetInt64(value, out var seconds) && seconds > 0
            ? seconds
            : throw _expression.Fail("returned an unexpected result type. Expected 'positive integer', but was 'number' for value: " + CompactJson.Write(value));
    }

    public long? Resolve(Frame frame, JsonNode? input)
    {
        if (_path is null)
        {
            return _seconds;
        }

        var scope = frame.Scope(input, ReadsContext);
        if (!_path.TryEvaluate(scope, out var value) || !JsonNodes.TryGetInt64(value, out var seconds) || seconds <= 0)
        {
            throw StatesException.ScopedToState(
                StatesErrorNames.Runtime,
                "The " + _pathField + " field refers to value \"" + (JsonNodes.TryGetString(value, out var s) ? s : JsonNodes.ToCompactJson(value)) + "\" which is not a valid integer: " + _path.Text);
        }

        return seconds;
    }
}
