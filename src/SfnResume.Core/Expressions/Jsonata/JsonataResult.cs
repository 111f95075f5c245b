using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>What an evaluation produced.</summary>
public enum JsonataResultKind
{
    /// <summary>A JSON value (possibly null) in <see cref="JsonataResult.Value"/>.</summary>
    Value,

    /// <summary>JSONata's undefined: no value at all.</summary>
    Undefined,

    /// <summary>A function (lambda, built-in, partial application): not representable as JSON.</summary>
    Function,
}

/// <summary>The outcome of <see cref="JsonataExpression.EvaluateResult"/>; <see cref="Value"/> is a fresh tree.</summary>
public readonly record struct JsonataResult(JsonataResultKind Kind, JsonNode? Value);
