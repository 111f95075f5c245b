using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// A field given as a literal, through its <c>...Path</c> twin (JSONPath), or as a JSONata expression
/// (<c>"{% ... %}"</c>). Exactly one of <see cref="Literal"/>, <see cref="Path"/>, <see cref="Expression"/>
/// is set. Used for TimeoutSeconds, HeartbeatSeconds, Wait Seconds/Timestamp, Fail Error/Cause,
/// Map MaxConcurrency and the ToleratedFailure fields.
/// </summary>
public sealed record DynamicValue
{
    /// <summary>The literal value as written (number or string), element-backed so its text is kept.</summary>
    public JsonNode? Literal { get; init; }

    /// <summary>The <c>...Path</c> form: a reference path, a context path or (Fail) an intrinsic call.</summary>
    public string? Path { get; init; }

    /// <summary>The JSONata expression between <c>{%</c> and <c>%}</c>.</summary>
    public string? Expression { get; init; }

    /// <summary>The literal as a number, when it is one.</summary>
    public decimal? Number => AslFieldReader.TryNumber(Literal, out var d) ? d : null;

    /// <summary>The literal as a string, when it is one.</summary>
    public string? Text =>
        Literal is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
}
