using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>One argument of an intrinsic call: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicNode
{
    /// <summary>
    /// The argument's value. It may be borrowed from the scope (paths) or from the definition (literals):
    /// functions copy what they put into their results.
    /// </summary>
    public abstract JsonNode? Evaluate(in IntrinsicEnvironment environment);
}

/// <summary>What a call can read and the randomness it may use.</summary>
internal readonly struct IntrinsicEnvironment(JsonPathScope scope, IIntrinsicRandom random)
{
    public JsonPathScope Scope { get; } = scope;

    public IIntrinsicRandom Random { get; } = random;
}

internal sealed class LiteralArgument(JsonNode? value) : IntrinsicNode
{
    public JsonNode? Value { get; } = value;

    public override JsonNode? Evaluate(in IntrinsicEnvironment environment) => Value;
}

/// <summary>
/// A quoted string argument. <see cref="Pieces"/> keeps the text split at unescaped <c>{}</c> so that
/// <c>States.Format</c> can tell a placeholder from an escaped brace (<c>\{</c>, <c>\}</c>).
/// </summary>
internal sealed class StringArgument(string value, IReadOnlyList<string> pieces) : IntrinsicNode
{
    private readonly JsonValue _node = JsonValue.Create(value);

    public string Value { get; } = value;

    /// <summary>The text between placeholders; placeholder count is <c>Pieces.Count - 1</c>.</summary>
    public IReadOnlyList<string> Pieces { get; } = pieces;

    public override JsonNode? Evaluate(in IntrinsicEnvironment environment) => _node;
}

internal sealed class PathArgument(JsonPathExpression path) : IntrinsicNode
{
    public JsonPathExpression Path { get; } = path;

    public override JsonNode? Evaluate(in IntrinsicEnvironment environment)
    {
        if (!Path.TryEvaluate(environment.Scope, out var value))
        {
            throw StatesException.ScopedToState(
                StatesErrorNames.Runtime,
                StatesCauses.IntrinsicPathNotFound(Path.Text, JsonNodes.ToCompactJson(environment.Scope.Input)));
        }

        return value;
    }
}

internal sealed class CallNode(string name, IntrinsicFunction function, IntrinsicNode[] arguments) : IntrinsicNode
{
    public string Name { get; } = name;

    public IntrinsicNode[] Arguments { get; } = arguments;

    public override JsonNode? Evaluate(in IntrinsicEnvironment environment)
    {
        var values = new JsonNode?[Arguments.Length];
        for (var i = 0; i < Arguments.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(environment);
        }

        return function(new IntrinsicCall(Name, Arguments, values, environment.Random));
    }
}

/// <summary>What a function implementation receives.</summary>
internal readonly struct IntrinsicCall(string name, IntrinsicNode[] nodes, JsonNode?[] values, IIntrinsicRandom random)
{
    public string Name { get; } = name;

    public IntrinsicNode[] Nodes { get; } = nodes;

    public JsonNode?[] Values { get; } = values;

    public IIntrinsicRandom Random { get; } = random;

    public StatesException Fail(string detail) =>
        StatesException.ScopedToState(StatesErrorNames.Runtime, StatesCauses.IntrinsicFailed(Name, detail));
}

/// <summary>An intrinsic implementation: returns a new node that belongs to no tree.</summary>
internal delegate JsonNode? IntrinsicFunction(in IntrinsicCall call);
