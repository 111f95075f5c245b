namespace SfnResume.Core.Asl;

/// <summary>
/// Syntax of the JSONPath dialect Step Functions accepts (Jayway JsonPath): a root (<c>$</c>, <c>$$</c> for
/// the context object, <c>$name</c> for a variable) followed by <c>.name</c>, <c>..name</c>, <c>.*</c>,
/// <c>['a','b']</c>, <c>[0]</c>, <c>[-1]</c>, <c>[0,1]</c>, <c>[1:3]</c>, <c>[*]</c> and <c>[?(...)]</c>.
/// Reference paths allow only <c>.name</c>, <c>['name']</c> and <c>[n]</c>.
/// </summary>
internal static class JsonPathSyntax
{
    public static string? Check(string path, PathKind kind)
    {
        if (path.Length == 0 || path[0] != '$')
        {
            return "A path must start with '$'";
        }

        var i = 1;
        if (path.Length > 1 && path[1] == '$')
        {
            if (kind == PathKind.ResultReference)
            {
                return "A ResultPath cannot refer to the context object";
            }

            i = 2;
        }
        else if (i < path.Length && IsNameChar(path[i]))
        {
            if (kind == PathKind.ResultReference)
            {
                return "A ResultPath cannot refer to a variable";
            }

            while (i < path.Length && IsNameChar(path[i]))
            {
                i++;
            }
        }

        var reference = kind != PathKind.Any;
        while (i < path.Length)
        {
            var error = path[i] switch
            {
                '.' => Dot(path, ref i, reference),
                '[' => Bracket(path, ref i, reference),
                _ => $"Unexpected character '{path[i]}' at position {i}",
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string? Dot(string path, ref int i, bool reference)
    {
        i++;
        if (i < path.Length && path[i] == '.')
        {
            if (reference)
            {
                return "A reference path cannot use '..'";
            }

            i++;
            if (i < path.Length && path[i] == '[')
            {
                return null;
            }
        }

        if (i < path.Length && path[i] == '*')
        {
            i++;
            return reference ? "A reference path cannot use '*'" : null;
        }

        var start = i;
        while (i < path.Length && path[i] is not ('.' or '['))
        {
            if (path[i] is ' ' or '\t' or '\n' or '\r' or ']' or '\'' or '"')
            {
                return $"Unexpected character '{path[i]}' at position {i}";
            }

            i++;
        }

        return i == start ? $"Expected a property name at position {start}" : null;
    }

    private static string? Bracket(string path, ref int i, bool reference)
    {
        var open = i;
        i++;
        if (i >= path.Length)
        {
            return "Unterminated '[' at position " + open;
        }

        var c = path[i];
        if (c is '\'' or '"')
        {
            var count = 0;
            while (true)
            {
                var error = QuotedName(path, ref i);
                if (error is not null)
                {
                    return error;
                }

                count++;
                SkipSpaces(path, ref i);
                if (i < path.Length && path[i] == ',')
                {
                    i++;
                    SkipSpaces(path, ref i);
                    continue;
                }

                break;
            }

            if (i >= path.Length || path[i] != ']')
            {
                return "Expected ']' at position " + i;
            }

            i++;
            return reference && count > 1 ? "A reference path cannot select several properties" : null;
        }

        if (c == '?' || c == '(')
        {
            if (reference)
            {
                return "A reference path cannot use a filter or script expression";
            }

            return SkipBalanced(path, ref i, open);
        }

        var close = path.IndexOf(']', i);
        if (close < 0)
        {
            return "Unterminated '[' at position " + open;
        }

        var inner = path[i..close].Trim();
        i = close + 1;
        if (inner == "*")
        {
            return reference ? "A reference path cannot use '*'" : null;
        }

        if (reference)
        {
            return inner.Length > 0 && inner.All(char.IsAsciiDigit) ? null : "A reference path index must be a non-negative integer";
        }

        foreach (var part in inner.Split(inner.Contains(':', StringComparison.Ordinal) ? ':' : ','))
        {
            var text = part.Trim();
            var digits = text.StartsWith('-') ? text[1..] : text;
            if (digits.Length == 0 && inner.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return $"Invalid array index '{inner}'";
            }
        }

        return null;
    }

    private static string? QuotedName(string path, ref int i)
    {
        var quote = path[i];
        var start = i;
        i++;
        while (i < path.Length && path[i] != quote)
        {
            if (path[i] == '\\')
            {
                i++;
            }

            i++;
        }

        if (i >= path.Length)
        {
            return "Unterminated quoted name at position " + start;
        }

        i++;
        return null;
    }

    private static string? SkipBalanced(string path, ref int i, int open)
    {
        var depth = 1; // the '[' at open
        char? quote = null;
        for (; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '[' or '(':
                    depth++;
                    break;
                case ']' or ')':
                    depth--;
                    if (depth == 0)
                    {
                        i++;
                        return c == ']' ? null : "Unbalanced ')' at position " + (i - 1);
                    }

                    break;
            }
        }

        return "Unterminated '[' at position " + open;
    }

    private static void SkipSpaces(string path, ref int i)
    {
        while (i < path.Length && path[i] == ' ')
        {
            i++;
        }
    }
}
