using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>Filter expressions inside <c>[?( )]</c>: <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, comparisons, <c>=~ /regex/</c>, <c>in</c>/<c>nin</c>.</summary>
internal sealed partial class JsonPathParser
{
    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (true)
        {
            SkipSpaces();
            if (Peek(0) == '|' && Peek(1) == '|')
            {
                _pos += 2;
                left = new OrFilter(left, ParseAnd());
            }
            else
            {
                return left;
            }
        }
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpaces();
            if (Peek(0) == '&' && Peek(1) == '&')
            {
                _pos += 2;
                left = new AndFilter(left, ParseUnary());
            }
            else
            {
                return left;
            }
        }
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (Peek(0) == '!' && Peek(1) != '=')
        {
            _pos++;
            return new NotFilter(ParseUnary());
        }

        if (Peek(0) == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpaces();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipSpaces();
        var op = TryReadOperator();
        if (op is null)
        {
            return new ExistsFilter(left);
        }

        SkipSpaces();
        var right = op == FilterOperator.Matches ? ParseRegex() : ParseOperand();
        return new ComparisonFilter(left, op.Value, right);
    }

    private FilterOperator? TryReadOperator()
    {
        ReadOnlySpan<char> rest = _text.AsSpan(_pos);
        (string Token, FilterOperator Op)[] table =
        [
            ("==", FilterOperator.Equal), ("!=", FilterOperator.NotEqual), ("<=", FilterOperator.LessOrEqual),
            (">=", FilterOperator.GreaterOrEqual), ("=~", FilterOperator.Matches), ("<", FilterOperator.Less),
            (">", FilterOperator.Greater), ("nin ", FilterOperator.NotIn), ("in ", FilterOperator.In),
        ];
        foreach (var (token, op) in table)
        {
            if (rest.StartsWith(token, StringComparison.Ordinal))
            {
                _pos += token.Length;
                return op;
            }
        }

        return null;
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        var c = Peek(0);
        switch (c)
        {
            case '@':
                _pos++;
                return new PathOperand(fromRoot: false, ParseSegments(inFilter: true));
            case '$':
                _pos++;
                return new PathOperand(fromRoot: true, ParseSegments(inFilter: true));
            case '\'' or '"':
                return new LiteralOperand(JsonValue.Create(ReadStringLiteral()));
            case '[':
                return new LiteralOperand(ReadArrayLiteral());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            var start = _pos;
            _pos++;
            while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
            {
                _pos++;
            }

            try
            {
                return new LiteralOperand(JsonNode.Parse(_text[start.._pos]));
            }
            catch (System.Text.Json.JsonException)
            {
                throw Error("Invalid number");
            }
        }

        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (_text.AsSpan(_pos).StartsWith(word, StringComparison.Ordinal))
            {
                _pos += word.Length;
                return new LiteralOperand(value);
            }
        }

        throw Error("Expected a filter operand");
    }

    private string ReadStringLiteral()
    {
        var quote = _text[_pos++];
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length)
            {
                builder.Append(_text[_pos++]);
            }
            else if (c == quote)
            {
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        throw Error("Unterminated string literal");
    }

    private JsonNode ReadArrayLiteral()
    {
        var start = _pos;
        var depth = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
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
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                // Jayway accepts single-quoted strings in list literals; JSON needs double quotes.
                var json = _text[start.._pos].Replace('\'', '"');
                try
                {
                    // Cloned so the literal is fully materialised: compiled paths are shared across threads.
                    return JsonNodes.Clone(JsonNode.Parse(json)) ?? new JsonArray();
                }
                catch (System.Text.Json.JsonException)
                {
                    throw Error("Invalid list literal");
                }
            }
        }

        throw Error("Unterminated list literal");
    }

    private RegexOperand ParseRegex()
    {
        if (Peek(0) != '/')
        {
            throw Error("Expected a regular expression /.../");
        }

        var start = ++_pos;
        while (_pos < _text.Length && _text[_pos] != '/')
        {
            if (_text[_pos] == '\\')
            {
                _pos++;
            }

            _pos++;
        }

        if (_pos >= _text.Length)
        {
            throw Error("Unterminated regular expression");
        }

        var pattern = _text[start.._pos];
        _pos++;
        var options = RegexOptions.CultureInvariant;
        while (_pos < _text.Length && char.IsAsciiLetterLower(_text[_pos]))
        {
            if (_text[_pos] == 'i')
            {
                options |= RegexOptions.IgnoreCase;
            }

            _pos++;
        }

        try
        {
            // Jayway uses Java Matcher.matches(): the whole string must match.
            return new RegexOperand(new Regex(@"\A(?:" + pattern + @")\z", options, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException)
        {
            throw Error("Invalid regular expression");
        }
    }
}
