using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>A parsed JSONata 2.0 expression; parse once, evaluate many times (thread-safe).</summary>
public sealed class JsonataExpression
{
    private static readonly JsonataEnvironment s_default = new();
    private readonly Node _root;
    private readonly bool _bound;

    private JsonataExpression(string text, Node root)
    {
        Text = text;
        _root = root;
        _bound = BoundEvaluation.Supports(root);
    }

    public string Text { get; }

    /// <summary>Parses the text; throws <see cref="JsonataException"/> (S0xxx codes) when it is not valid JSONata.</summary>
    public static JsonataExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonataExpression(text, Parser.Parse(text));
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out JsonataExpression? expression, [NotNullWhen(false)] out JsonataException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (JsonataException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>Evaluates against <paramref name="input"/> (not mutated). Returns false when the result is undefined.</summary>
    public bool TryEvaluate(JsonNode? input, JsonataEnvironment? environment, out JsonNode? result)
    {
        var value = EvaluateValue(input, true, environment ?? s_default);
        if (value is null)
        {
            result = null;
            return false;
        }

        result = Values.ToNode(value);
        return true;
    }

    /// <summary>
    /// Evaluates and says what came back: a JSON value, nothing (undefined), or a function. Step Functions
    /// reports the last two differently ("returned nothing (undefined)" / "returned an unsupported result type").
    /// </summary>
    public JsonataResult EvaluateResult(JsonNode? input, JsonataEnvironment? environment = null)
    {
        var value = EvaluateValue(input, true, environment ?? s_default);
        return value switch
        {
            null => new JsonataResult(JsonataResultKind.Undefined, null),
            JFunction => new JsonataResult(JsonataResultKind.Function, null),
            _ => new JsonataResult(JsonataResultKind.Value, Values.ToNode(value)),
        };
    }

    /// <summary>Evaluates the expression; an undefined result is returned as null.</summary>
    public JsonNode? Evaluate(JsonNode? input, JsonataEnvironment? environment = null)
    {
        TryEvaluate(input, environment, out var result);
        return result;
    }

    /// <summary>Evaluates with undefined input (JSONata's "no input"), as the test suite's null dataset does.</summary>
    internal bool TryEvaluateWithoutInput(JsonataEnvironment? environment, out JsonNode? result)
    {
        var value = EvaluateValue(null, false, environment ?? s_default);
        result = value is null ? null : Values.ToNode(value);
        return value is not null;
    }

    private object? EvaluateValue(JsonNode? input, bool hasInput, JsonataEnvironment environment)
    {
        if (_bound && BoundEvaluation.TryEvaluate(_root, environment.BoundValues, out var quick))
        {
            return quick;
        }

        var evaluator = new Evaluator(environment);

        // One frame over the environment's bindings holds '$' too: a name bound at the top level hides a global
        // as it would from a child frame.
        var frame = new Frame(environment.BoundValues, environment.StepFunctionsExtensions);
        object? value = hasInput ? Values.FromNode(input) : null;
        frame.Bind("$", value);
        if (value is JList { Sequence: false } array)
        {
            var wrapped = JList.NewSequence(array);
            wrapped.OuterWrapper = true;
            value = wrapped;
        }

        try
        {
            return evaluator.Evaluate(_root, value, frame);
        }
        catch (InsufficientExecutionStackException)
        {
            throw Evaluator.StackOverflow();
        }
    }
}
