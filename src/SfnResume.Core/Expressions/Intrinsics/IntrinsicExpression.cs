using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>
/// A parsed intrinsic function call such as <c>States.Format('{} {}', $.a, States.UUID())</c>: parse once,
/// evaluate many times. Errors raised by evaluation are <see cref="Errors.StatesException"/>s with the name
/// <c>States.Runtime</c>, scoped to the state (see <see cref="Errors.StatesException.InState"/>).
/// </summary>
public sealed class IntrinsicExpression
{
    private readonly CallNode _call;

    private IntrinsicExpression(string text, CallNode call)
    {
        Text = text;
        _call = call;
    }

    /// <summary>The call as written.</summary>
    public string Text { get; }

    /// <summary>The outermost function name, e.g. <c>States.Format</c>.</summary>
    public string FunctionName => _call.Name;

    /// <summary>The names of all supported functions.</summary>
    public static IEnumerable<string> SupportedFunctions => IntrinsicFunctions.Names;

    /// <summary>True when <paramref name="text"/> looks like an intrinsic call (starts with <c>States.</c>).</summary>
    public static bool LooksLikeCall(string text) =>
        text.AsSpan().TrimStart().StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Parses; throws <see cref="JsonPathParseException"/> with the offending offset.</summary>
    public static IntrinsicExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new IntrinsicExpression(text, IntrinsicParser.Parse(text));
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicExpression? expression, [NotNullWhen(false)] out JsonPathParseException? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (JsonPathParseException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    public override string ToString() => Text;

    /// <summary>Evaluates the call; the result is a new node that belongs to no tree.</summary>
    public JsonNode? Evaluate(in JsonPathScope scope, IIntrinsicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _call.Evaluate(new IntrinsicEnvironment(scope, random));
    }
}
