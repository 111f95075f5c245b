namespace SfnResume.Core.Asl;

/// <summary>The kind of state machine a definition is validated for (some integrations are Standard-only).</summary>
public enum StateMachineKind
{
    Standard,
    Express,
}

/// <summary>Options for <see cref="AslValidator"/>.</summary>
public sealed record AslValidationOptions
{
    public static AslValidationOptions Default { get; } = new();

    public StateMachineKind Kind { get; init; } = StateMachineKind.Standard;

    /// <summary>The JSONPath, intrinsic and JSONata syntax checks; the full expression parsers plug in here.</summary>
    internal IAslExpressionSyntax ExpressionSyntax { get; init; } = BasicExpressionSyntax.Instance;
}
