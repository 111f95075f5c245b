using System.Collections.Frozen;

namespace SfnResume.Core.Asl;

/// <summary>
/// Syntax of intrinsic function calls: <c>States.Name(arg, ...)</c> where an argument is a quoted string
/// (<c>'...'</c>, escaping only <c>\'</c> <c>\{</c> <c>\}</c> <c>\\</c>), a number, a boolean, null, a path or
/// another call, nested at most 10 deep (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
/// </summary>
internal static class IntrinsicSyntax
{
    private const int MaxNesting = 10;

    public static readonly FrozenSet<string> Functions = FrozenSet.ToFrozenSet(
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    ], StringComparer.Ordinal);

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static string? Check(string text)
    {
        var i = 0;
        var error = Call(text, ref i, 1);
        if (error is not null)
        {
            return error;
        }

        SkipSpaces(text, ref i);
        return i == text.Length ? null : $"Unexpected text after the call at position {i}";
    }

    private static string? Call(string text, ref int i, int depth)
    {
        if (depth > MaxNesting)
        {
            return $"Intrinsic functions can be nested at most {MaxNesting} deep";
        }

        var open = text.IndexOf('(', i);
        if (open < 0)
        {
            return "Expected '(' after the function name";
        }

        var name = text[i..open].Trim();
        if (!Functions.Contains(name))
        {
            return $"Unknown intrinsic function '{name}'";
        }

        i = open + 1;
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == ')')
        {
            i++;
            return null;
        }

        while (true)
        {
            SkipSpaces(text, ref i);
            var error = Argument(text, ref i, depth);
            if (error is not null)
            {
                return error;
            }

            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                return "Expected ')' at the end of the call";
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] == ')')
            {
                i++;
                return null;
            }

            return $"Unexpected character '{text[i]}' at position {i}";
        }
    }

    private static string? Argument(string text, ref int i, int depth)
    {
        if (i >= text.Length)
        {
            return "Expected an argument";
        }

        var c = text[i];
        if (c == '\'')
        {
            return StringLiteral(text, ref i);
        }

        if (c == '$')
        {
            var start = i;
            var brackets = 0;
            while (i < text.Length && (brackets > 0 || text[i] is not (',' or ')')))
            {
                if (text[i] == '[')
                {
                    brackets++;
                }
                else if (text[i] == ']')
                {
                    brackets--;
                }
                else if (text[i] is '\'' or '"')
                {
                    var quote = text[i++];
                    while (i < text.Length && text[i] != quote)
                    {
                        i++;
                    }
                }

                i++;
            }

            i = Math.Min(i, text.Length);
            return JsonPathSyntax.Check(text[start..i].TrimEnd(), PathKind.Any);
        }

        if (text.AsSpan(i).StartsWith("States.", StringComparison.Ordinal))
        {
            return Call(text, ref i, depth + 1);
        }

        var end = i;
        while (end < text.Length && text[end] is not (',' or ')' or ' '))
        {
            end++;
        }

        var token = text[i..end];
        i = end;
        if (token is "true" or "false" or "null" || double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return $"Invalid argument '{token}'";
    }

    private static string? StringLiteral(string text, ref int i)
    {
        var start = i;
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || text[i + 1] is not ('\'' or '{' or '}' or '\\'))
                {
                    return $"Invalid escape sequence at position {i}";
                }

                i += 2;
                continue;
            }

            if (c == '\'')
            {
                i++;
                return null;
            }

            i++;
        }

        return "Unterminated string starting at position " + start;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
