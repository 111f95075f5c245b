using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SfnResume.Core.Asl;
using SfnResume.Core.Expressions.Jsonata;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// A JSONata-mode field value (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html):
/// strings written <c>"{% ... %}"</c> are expressions, other strings and values are literals, and objects and
/// arrays are walked so an expression may sit at any depth. Expressions are parsed once.
/// </summary>
internal abstract partial class JsonataTemplate
{
    /// <summary>True when some expression reads <c>$states.context</c>.</summary>
    public abstract bool ReadsContext { get; }

    /// <summary>Compiles <paramref name="template"/> for the field <paramref name="field"/> (its name in error locations).</summary>
    public static JsonataTemplate? Compile(JsonNode? template, string field) =>
        template is null ? null : CompileNode(template, field);

    /// <summary>Compiles a field whose JSON value may be null (a JSON null literal).</summary>
    public static JsonataTemplate CompileValue(JsonNode? template, string field) =>
        template is null ? new Literal(null) : CompileNode(template, field);

    /// <summary>Evaluates the template; a failure throws <see cref="QueryEvaluationException"/>.</summary>
    public abstract JsonNode? Evaluate(JsonataScope scope);

    private static JsonataTemplate CompileNode(JsonNode node, string location)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = new (string Key, JsonataTemplate Value)[obj.Count];
                var i = 0;
                foreach (var pair in obj)
                {
                    members[i++] = (pair.Key, CompileValue(pair.Value, location + "/" + pair.Key));
                }

                return members.All(m => m.Value is Literal) ? new Literal(node) : new ObjectTemplate(members);
            case JsonArray array:
                var items = new JsonataTemplate[array.Count];
                for (var j = 0; j < array.Count; j++)
                {
                    items[j] = CompileValue(array[j], location + "/" + j.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return items.All(m => m is Literal) ? new Literal(node) : new ArrayTemplate(items);
            default:
                return Inner(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null) is { } text
                    ? new Expression(text, location)
                    : new Literal(node);
        }
    }

    /// <summary>The text inside <c>{% ... %}</c> (no whitespace allowed outside the delimiters), or null for a literal string.</summary>
    internal static string? Inner(string? text) =>
        text is { Length: >= 4 } && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) ? text[2..^2] : null;

    /// <summary>The JSON type name AWS uses in result type errors.</summary>
    internal static string TypeName(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            _ => "boolean",
        },
    };

    /// <summary>The variable names (<c>$name</c>) an expression mentions, so only those are bound.</summary>
    internal static string[] MentionedNames(string text) =>
        [.. NamePattern().Matches(text).Select(m => m.Groups[1].Value).Where(n => n != "states").Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex NamePattern();

    private sealed class Literal(JsonNode? value) : JsonataTemplate
    {
        public override bool ReadsContext => false;

        public override JsonNode? Evaluate(JsonataScope scope) => value?.DeepClone();
    }

    private sealed class ObjectTemplate((string Key, JsonataTemplate Value)[] members) : JsonataTemplate
    {
        public override bool ReadsContext => members.Any(m => m.Value.ReadsContext);

        public override JsonNode? Evaluate(JsonataScope scope)
        {
            // sized up front: the object's dictionary is allocated once
            var evaluated = new KeyValuePair<string, JsonNode?>[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                evaluated[i] = new(members[i].Key, members[i].Value.Evaluate(scope));
            }

            return new JsonObject(evaluated);
        }
    }

    private sealed class ArrayTemplate(JsonataTemplate[] items) : JsonataTemplate
    {
        public override bool ReadsContext => items.Any(m => m.ReadsContext);

        public override JsonNode? Evaluate(JsonataScope scope)
        {
            var evaluated = new JsonNode?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                evaluated[i] = items[i].Evaluate(scope);
            }

            return new JsonArray(evaluated);
        }
    }

    /// <summary>One <c>{% ... %}</c> string; a syntax error surfaces when the expression runs.</summary>
    internal sealed class Expression : JsonataTemplate
    {
        private readonly JsonataExpression? _expression;
        private readonly JsonataException? _syntaxError;
        private readonly string[] _names;
        private readonly bool _readsStates;

        public Expression(string text, string location)
        {
            Text = text.Trim();
            Location = location;
            if (!JsonataExpression.TryParse(Text, out _expression, out _syntaxError))
            {
                _expression = null;
            }

            _names = MentionedNames(text);
            _readsStates = text.Contains("$states", StringComparison.Ordinal);
            ReadsContext = _readsStates && text.Contains("context", StringComparison.Ordinal);
        }

        public string Text { get; }

        public string Location { get; }

        public override bool ReadsContext { get; }

        public override JsonNode? Evaluate(JsonataScope scope) => EvaluateResult(scope, out var value) switch
        {
            JsonataResultKind.Value => value,
            JsonataResultKind.Undefined => throw Fail("returned nothing (undefined)."),
            _ => throw Fail("returned an unsupported result type."),
        };

        /// <summary>Evaluates and reports undefined and function results to the caller instead of failing.</summary>
        public JsonataResultKind EvaluateResult(JsonataScope scope, out JsonNode? value)
        {
            if (_expression is null)
            {
                throw Fail("threw an error during evaluation. " + _syntaxError!.CauseText);
            }

            JsonataResult result;
            try
            {
                result = _expression.EvaluateResult(scope.Input, scope.Environment(_names, _readsStates));
            }
            catch (JsonataException e)
            {
                throw Fail("threw an error during evaluation. " + e.CauseText);
            }

            value = result.Value;
            return result.Kind;
        }

        /// <summary>Evaluates a value that must have JSON type <paramref name="expected"/> (<c>array</c>, <c>boolean</c>, ...).</summary>
        public JsonNode? EvaluateTyped(JsonataScope scope, string expected)
        {
            var value = Evaluate(scope);
            var actual = TypeName(value);
            return actual == expected
                ? value
                : throw Fail("returned an unexpected result type. Expected '" + expected + "', but was '" + actual + "' for value: " + CompactJson.Write(value));
        }

        /// <summary>An error about this expression's value, in AWS's words.</summary>
        public QueryEvaluationException Fail(string what) =>
            new(Location, "The JSONata expression '" + Text + "' specified for the field '" + Location + "' " + what);
    }
}

/// <summary>A JSONata evaluation failure (<c>States.QueryEvaluationError</c>) at a field location such as <c>Output/result</c>.</summary>
internal sealed class QueryEvaluationException : Exception
{
    public QueryEvaluationException(string? location, string detail)
        : base(detail)
    {
        Location = location;
        Detail = detail;
    }

    public QueryEvaluationException()
        : this("", "")
    {
    }

    public QueryEvaluationException(string message)
        : this("", message)
    {
    }

    public QueryEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "";
        Detail = message;
    }

    /// <summary>The failing field, or null when AWS names none (a Map input that is not an array).</summary>
    public string? Location { get; }

    public string Detail { get; }

    /// <summary>True when the EvaluationFailed event points at the state's Entered event rather than at its predecessor.</summary>
    public bool FromEntered { get; init; }
}
