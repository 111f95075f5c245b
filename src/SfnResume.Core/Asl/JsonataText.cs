namespace SfnResume.Core.Asl;

/// <summary>
/// The <c>"{% expression %}"</c> form of JSONata values: the delimiters must be the first and last two
/// characters, with no whitespace outside them (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
/// </summary>
internal static class JsonataText
{
    public static bool IsExpression(string? text) =>
        text is { Length: >= 4 } && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>The text between the delimiters, or null when <paramref name="text"/> is not an expression.</summary>
    public static string? Inner(string? text) => IsExpression(text) ? text![2..^2] : null;
}
