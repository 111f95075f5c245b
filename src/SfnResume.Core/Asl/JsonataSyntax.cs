namespace SfnResume.Core.Asl;

/// <summary>
/// Structural JSONata checks that need no parser: the expression is not empty, strings and comments are
/// closed, brackets balance and it does not end on an operator. Messages follow jsonata-js wording
/// without the code, as Step Functions reports them.
/// </summary>
internal static class JsonataSyntax
{
    public static string? Check(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "Unexpected end of expression";
        }

        var stack = new Stack<char>();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '"' or '\'' or '`':
                    var close = ClosingQuote(expression, i);
                    if (close < 0)
                    {
                        return c == '`' ? "Quoted property name must be terminated with a backquote (`)" : "String literal must be terminated by a matching quote";
                    }

                    i = close;
                    break;
                case '/' when i + 1 < expression.Length && expression[i + 1] == '*':
                    var end = expression.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return "Comment has no closing tag";
                    }

                    i = end + 1;
                    break;
                case '(' or '[' or '{':
                    stack.Push(c);
                    break;
                case ')' or ']' or '}':
                    var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                    if (stack.Count == 0)
                    {
                        return $"Unexpected \"{c}\"";
                    }

                    var open = stack.Pop();
                    if (open != expected)
                    {
                        return $"Expected \"{Closing(open)}\", got \"{c}\"";
                    }

                    break;
            }
        }

        if (stack.Count > 0)
        {
            return $"Expected \"{Closing(stack.Peek())}\" before end of expression";
        }

        var last = expression.TrimEnd()[^1];
        return last is '+' or '-' or '*' or '&' or '=' or '<' or '>' or ',' or ':' or '?' or '~' ? "Unexpected end of expression" : null;
    }

    private static char Closing(char open) => open switch { '(' => ')', '[' => ']', _ => '}' };

    private static int ClosingQuote(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '`')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}
