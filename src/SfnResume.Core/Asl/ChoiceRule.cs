using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>The comparison of a JSONPath choice rule (https://states-language.net/#choice-state).</summary>
public enum ComparisonOperator
{
    StringEquals,
    StringLessThan,
    StringGreaterThan,
    StringLessThanEquals,
    StringGreaterThanEquals,
    StringMatches,
    NumericEquals,
    NumericLessThan,
    NumericGreaterThan,
    NumericLessThanEquals,
    NumericGreaterThanEquals,
    BooleanEquals,
    TimestampEquals,
    TimestampLessThan,
    TimestampGreaterThan,
    TimestampLessThanEquals,
    TimestampGreaterThanEquals,
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

/// <summary>
/// A Choice rule. Top-level rules (the elements of <c>Choices</c>) carry <see cref="Next"/> and may carry
/// <see cref="Assign"/>/<see cref="Output"/>; rules nested in And/Or/Not have neither.
/// </summary>
public abstract record ChoiceRule
{
    /// <summary>Target state; set on top-level rules only.</summary>
    public string? Next { get; init; }

    public JsonNode? Assign { get; init; }

    /// <summary>JSONata: the state output when this rule matches.</summary>
    public JsonNode? Output { get; init; }

    public string? Comment { get; init; }

    public required JsonObject Raw { get; init; }

    public required string Pointer { get; init; }
}

/// <summary>
/// <c>Variable</c> plus one comparison. For a <c>...Path</c> operator (<see cref="OperandIsPath"/>) the
/// operand is a path string naming the value to compare with.
/// </summary>
public sealed record ComparisonRule : ChoiceRule
{
    public required string Variable { get; init; }

    public required ComparisonOperator Operator { get; init; }

    public required bool OperandIsPath { get; init; }

    /// <summary>The operand as written (string, number, boolean, or the path text).</summary>
    public required JsonNode? Operand { get; init; }

    /// <summary>The operator's field name as written, e.g. <c>NumericEqualsPath</c>.</summary>
    public string OperatorField => OperandIsPath ? Operator + "Path" : Operator.ToString();
}

public sealed record AndRule : ChoiceRule
{
    public required ImmutableArray<ChoiceRule> Rules { get; init; }
}

public sealed record OrRule : ChoiceRule
{
    public required ImmutableArray<ChoiceRule> Rules { get; init; }
}

public sealed record NotRule : ChoiceRule
{
    public required ChoiceRule Rule { get; init; }
}

/// <summary>A JSONata rule: <c>"Condition": "{% ... %}"</c> (or a literal boolean).</summary>
public sealed record ConditionRule : ChoiceRule
{
    /// <summary>The expression between <c>{%</c> and <c>%}</c>, or null when the condition is a literal.</summary>
    public string? Expression { get; init; }

    /// <summary>The Condition value as written.</summary>
    public required JsonNode? Condition { get; init; }
}
