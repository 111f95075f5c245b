using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>
/// Parses <c>States.Name(arg, ...)</c> (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
/// Arguments are quoted strings, numbers, <c>true</c>/<c>false</c>/<c>null</c>, paths (<c>$</c>, <c>$$</c>,
/// <c>$name</c>) or nested calls. Inside quotes <c>\'</c>, <c>\{</c>, <c>\}</c> and <c>\\</c> are escapes.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>AWS allows up to 10 nested calls in one field.</summary>
    private const int MaxDepth = 10;

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text)
    {
        _text = text;
    }

    public static CallNode Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        parser.SkipSpaces();
        var call = parser.ParseCall(depth: 1);
        parser.SkipSpaces();
        if (parser._pos != text.Length)
        {
            throw parser.Error("Unexpected text after the closing parenthesis");
        }

        return call;
    }

    private CallNode ParseCall(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("Intrinsic functions may be nested at most " + MaxDepth + " deep");
        }

        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (!IntrinsicFunctions.TryGet(name, out var definition))
        {
            _pos = start;
            throw Error($"Unknown intrinsic function '{name}'");
        }

        SkipSpaces();
        Expect('(');
        var arguments = new List<IntrinsicNode>();
        SkipSpaces();
        if (Peek() == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipSpaces();
                arguments.Add(ParseArgument(depth));
                SkipSpaces();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                Expect(')');
                break;
            }
        }

        if (arguments.Count < definition.MinArguments || arguments.Count > definition.MaxArguments)
        {
            var expected = definition.MinArguments == definition.MaxArguments
                ? definition.MinArguments.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : definition.MaxArguments == int.MaxValue
                    ? "at least " + definition.MinArguments
                    : definition.MinArguments + " to " + definition.MaxArguments;
            throw new JsonPathParseException(_text, start, $"{name} takes {expected} argument(s) but was given {arguments.Count}");
        }

        return new CallNode(name, definition.Function, [.. arguments]);
    }

    private IntrinsicNode ParseArgument(int depth)
    {
        var c = Peek();
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            var start = _pos++;
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
            {
                _pos++;
            }

            try
            {
                return new LiteralArgument(JsonNode.Parse(_text[start.._pos]));
            }
            catch (JsonException)
            {
                _pos = start;
                throw Error("Invalid number");
            }
        }

        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (_text.AsSpan(_pos).StartsWith(word, StringComparison.Ordinal) && !IsWordChar(Peek(word.Length)))
            {
                _pos += word.Length;
                return new LiteralArgument(value);
            }
        }

        if (_text.AsSpan(_pos).StartsWith("States.", StringComparison.Ordinal))
        {
            return ParseCall(depth + 1);
        }

        throw Error("Expected an argument: a quoted string, a number, a boolean, null, a path or a States.* call");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private StringArgument ParseString()
    {
        var start = _pos;
        _pos++;
        var value = new StringBuilder();
        var piece = new StringBuilder();
        var pieces = new List<string>();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    break;
                }

                var next = _text[_pos++];
                if (next is '\'' or '{' or '}' or '\\')
                {
                    value.Append(next);
                    piece.Append(next);
                }
                else
                {
                    value.Append(c).Append(next);
                    piece.Append(c).Append(next);
                }
            }
            else if (c == '\'')
            {
                pieces.Add(piece.ToString());
                return new StringArgument(value.ToString(), pieces);
            }
            else if (c == '{' && Peek() == '}')
            {
                _pos++;
                value.Append("{}");
                pieces.Add(piece.ToString());
                piece.Clear();
            }
            else
            {
                value.Append(c);
                piece.Append(c);
            }
        }

        _pos = start;
        throw Error("Unterminated string literal");
    }

    // A path argument runs to the next ',' or ')' outside brackets, quotes and filter parentheses.
    private PathArgument ParsePath()
    {
        var start = _pos;
        var brackets = 0;
        var parens = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    _pos++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                brackets++;
            }
            else if (c == ']')
            {
                brackets--;
            }
            else if (c == '(')
            {
                parens++;
            }
            else if (c == ')')
            {
                if (parens == 0 && brackets == 0)
                {
                    break;
                }

                parens--;
            }
            else if (c == ',' && brackets == 0 && parens == 0)
            {
                break;
            }

            _pos++;
        }

        var text = _text[start.._pos].TrimEnd();
        try
        {
            return new PathArgument(JsonPathExpression.Parse(text));
        }
        catch (JsonPathParseException e)
        {
            throw new JsonPathParseException(_text, start + e.Position, e.Reason);
        }
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"Expected '{c}'");
        }

        _pos++;
    }

    private JsonPathParseException Error(string reason) => new(_text, _pos, reason);
}
