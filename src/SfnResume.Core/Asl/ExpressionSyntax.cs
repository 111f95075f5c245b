namespace SfnResume.Core.Asl;

/// <summary>What a JSONPath field may hold (https://states-language.net/#path).</summary>
internal enum PathKind
{
    /// <summary>ResultPath: <c>$</c>-rooted, one node only (<c>.name</c>, <c>['name']</c>, <c>[n]</c>).</summary>
    ResultReference,

    /// <summary>Choice Variable and the <c>...Path</c> fields: a reference path from <c>$</c>, <c>$$</c> or <c>$variable</c>.</summary>
    Reference,

    /// <summary>InputPath, OutputPath and <c>.$</c> template values: any JSONPath from <c>$</c>, <c>$$</c> or <c>$variable</c>.</summary>
    Any,
}

/// <summary>
/// The syntax checks the validator needs for JSONPath, intrinsic functions and JSONata. Each returns null
/// when the text is well formed, else a message. The default implementation checks syntax only; the full
/// expression libraries can stand in for it through <see cref="AslValidationOptions.ExpressionSyntax"/>.
/// </summary>
internal interface IAslExpressionSyntax
{
    string? CheckPath(string path, PathKind kind);

    /// <summary>Checks a <c>States.Name(...)</c> call (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).</summary>
    string? CheckIntrinsic(string call);

    /// <summary>Checks the text between <c>{%</c> and <c>%}</c>.</summary>
    string? CheckJsonata(string expression);
}

/// <summary>Syntax-only checks that need no evaluator.</summary>
internal sealed class BasicExpressionSyntax : IAslExpressionSyntax
{
    public static BasicExpressionSyntax Instance { get; } = new();

    public string? CheckPath(string path, PathKind kind) => JsonPathSyntax.Check(path, kind);

    public string? CheckIntrinsic(string call) => IntrinsicSyntax.Check(call);

    public string? CheckJsonata(string expression) => JsonataSyntax.Check(expression);
}
