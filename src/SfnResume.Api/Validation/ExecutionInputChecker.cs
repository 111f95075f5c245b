using System.Globalization;

namespace SfnResume.Api.Validation;

/// <summary>
/// Checks that execution input is one JSON value and, when it is not, describes the first problem in the words
/// of the parser AWS uses (Jackson), which StartExecution puts in <c>InvalidExecutionInput</c>:
/// <c>Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')</c>.
/// Recorded wordings are reproduced exactly; the rarer ones follow Jackson's message catalogue without the
/// source location suffix, which AWS strips.
/// </summary>
internal ref struct ExecutionInputChecker
{
    private const string ValueExpected = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    private readonly ReadOnlySpan<char> _text;
    private int _pos;

    private ExecutionInputChecker(ReadOnlySpan<char> text)
    {
        _text = text;
        _pos = 0;
    }

    /// <summary>Null when <paramref name="input"/> is valid JSON; otherwise the message detail.</summary>
    public static string? FindError(string input)
    {
        if (input.Trim().Length == 0)
        {
            return "Invalid execution input.";
        }

        var checker = new ExecutionInputChecker(input);
        try
        {
            checker.Value(depth: 0);
            checker.SkipWhitespace();
            if (checker._pos < checker._text.Length)
            {
                throw checker.Unexpected("expected end-of-input");
            }

            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private void Value(int depth)
    {
        if (depth > 1000)
        {
            throw new FormatException("Document nesting depth exceeds the maximum allowed (1000)");
        }

        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw new FormatException("Unexpected end-of-input: expected a value " + ValueExpected);
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                Object(depth);
                break;
            case '[':
                Array(depth);
                break;
            case '"':
                String();
                break;
            case '-' or (>= '0' and <= '9'):
                Number();
                break;
            default:
                if (char.IsLetter(c) || c == '_')
                {
                    Literal();
                }
                else
                {
                    throw Unexpected("expected a valid value " + ValueExpected);
                }

                break;
        }
    }

    private void Object(int depth)
    {
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return;
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw new FormatException("Unexpected end-of-input: expected close marker for Object");
            }

            if (_text[_pos] != '"')
            {
                throw Unexpected("was expecting double-quote to start field name");
            }

            String();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw AtEndOr("expected close marker for Object", "was expecting a colon to separate field name and value");
            }

            _pos++;
            Value(depth + 1);
            SkipWhitespace();
            switch (Peek())
            {
                case ',':
                    _pos++;
                    continue;
                case '}':
                    _pos++;
                    return;
                default:
                    throw AtEndOr("expected close marker for Object", "was expecting comma to separate Object entries");
            }
        }
    }

    private void Array(int depth)
    {
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return;
        }

        while (true)
        {
            Value(depth + 1);
            SkipWhitespace();
            switch (Peek())
            {
                case ',':
                    _pos++;
                    continue;
                case ']':
                    _pos++;
                    return;
                default:
                    throw AtEndOr("expected close marker for Array", "was expecting comma to separate Array entries");
            }
        }
    }

    private void String()
    {
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return;
            }

            if (c < ' ')
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"Illegal unquoted character ((CTRL-CHAR, code {(int)c})): has to be escaped using backslash to be included in string value"));
            }

            if (c == '\\')
            {
                _pos++;
                var e = Peek();
                if (e == 'u')
                {
                    for (var i = 1; i <= 4; i++)
                    {
                        if (_pos + i >= _text.Length || !char.IsAsciiHexDigit(_text[_pos + i]))
                        {
                            throw new FormatException("Unexpected character in Unicode escape: expected a hex-digit for character escape sequence");
                        }
                    }

                    _pos += 4;
                }
                else if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                        $"Unrecognized character escape '{e}' (code {(int)e})"));
                }
            }

            _pos++;
        }

        throw new FormatException("Unexpected end-of-input in field name or string value");
    }

    private void Number()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (!char.IsAsciiDigit(Peek()))
        {
            throw Unexpected("expected digit (0-9) to follow minus sign, for valid numeric value");
        }

        if (Peek() == '0' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]))
        {
            throw new FormatException("Invalid numeric value: Leading zeroes not allowed");
        }

        Digits();
        if (Peek() == '.')
        {
            _pos++;
            if (!char.IsAsciiDigit(Peek()))
            {
                throw Unexpected("Decimal point not followed by a digit");
            }

            Digits();
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                throw Unexpected("Exponent indicator not followed by a digit");
            }

            Digits();
        }

        if (_pos == start)
        {
            throw Unexpected("expected a valid value " + ValueExpected);
        }
    }

    private void Digits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }
    }

    private void Literal()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$'))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        if (word is not ("true" or "false" or "null"))
        {
            throw new FormatException($"Unrecognized token '{word}': was expecting {ValueExpected}");
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private readonly FormatException AtEndOr(string atEnd, string otherwise) =>
        _pos >= _text.Length ? new FormatException("Unexpected end-of-input: " + atEnd) : Unexpected(otherwise);

    private readonly FormatException Unexpected(string expectation)
    {
        if (_pos >= _text.Length)
        {
            return new FormatException("Unexpected end-of-input: " + expectation);
        }

        var c = _text[_pos];
        return new FormatException(string.Create(CultureInfo.InvariantCulture,
            $"Unexpected character ('{c}' (code {(int)c})): {expectation}"));
    }
}
