using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

internal enum TokenKind
{
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, object? Value, int Position);

/// <summary>Splits JSONata text into tokens (the tokenizer of the JSONata reference parser).</summary>
internal sealed class Lexer
{
    private const string SingleOperators = ".[]{}(),@#;:?+-*/%|=<>^&!~";

    private readonly string _path;
    private int _position;

    public Lexer(string path)
    {
        _path = path;
    }

    private static bool IsOperatorChar(char c) => SingleOperators.Contains(c, StringComparison.Ordinal);

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private char At(int i) => i < _path.Length ? _path[i] : '\0';

    private Token Make(TokenKind kind, string text, object? value = null) => new(kind, text, value, _position);

    /// <summary>Next token; in a prefix position a '/' starts a regular expression.</summary>
    public Token Next(bool infix)
    {
        while (true)
        {
            if (_position >= _path.Length)
            {
                return new Token(TokenKind.End, "(end)", null, _path.Length);
            }

            var c = _path[_position];
            if (IsWhitespace(c))
            {
                _position++;
                continue;
            }

            if (c == '/' && At(_position + 1) == '*')
            {
                var start = _position;
                var end = _path.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _position = _path.Length;
                    throw JsonataException.Create("S0106", start);
                }

                _position = end + 2;
                continue;
            }

            break;
        }

        var ch = _path[_position];
        if (!infix && ch == '/')
        {
            _position++;
            return ScanRegex();
        }

        if (ch == '.' && At(_position + 1) == '.')
        {
            _position += 2;
            return Make(TokenKind.Operator, "..");
        }

        if (ch == ':' && At(_position + 1) == '=')
        {
            _position += 2;
            return Make(TokenKind.Operator, ":=");
        }

        if (ch == '!' && At(_position + 1) == '=')
        {
            _position += 2;
            return Make(TokenKind.Operator, "!=");
        }

        if (ch == '>' && At(_position + 1) == '=')
        {
            _position += 2;
            return Make(TokenKind.Operator, ">=");
        }

        if (ch == '<' && At(_position + 1) == '=')
        {
            _position += 2;
            return Make(TokenKind.Operator, "<=");
        }

        if (ch == '*' && At(_position + 1) == '*')
        {
            _position += 2;
            return Make(TokenKind.Operator, "**");
        }

        if (ch == '~' && At(_position + 1) == '>')
        {
            _position += 2;
            return Make(TokenKind.Operator, "~>");
        }

        if (ch == '?' && At(_position + 1) == ':')
        {
            _position += 2;
            return Make(TokenKind.Operator, "?:");
        }

        if (ch == '?' && At(_position + 1) == '?')
        {
            _position += 2;
            return Make(TokenKind.Operator, "??");
        }

        if (IsOperatorChar(ch))
        {
            _position++;
            return Make(TokenKind.Operator, ch.ToString());
        }

        if (ch is '"' or '\'')
        {
            return ScanString(ch);
        }

        if (ch is >= '0' and <= '9')
        {
            return ScanNumber();
        }

        if (ch == '`')
        {
            _position++;
            var end = _path.IndexOf('`', _position);
            if (end < 0)
            {
                _position = _path.Length;
                throw JsonataException.Create("S0105", _position);
            }

            var name = _path[_position..end];
            _position = end + 1;
            return Make(TokenKind.Name, name, name);
        }

        var i = _position;
        while (i < _path.Length && !IsWhitespace(_path[i]) && !IsOperatorChar(_path[i]))
        {
            i++;
        }

        if (ch == '$')
        {
            var varName = _path[(_position + 1)..i];
            _position = i;
            return Make(TokenKind.Variable, varName, varName);
        }

        var word = _path[_position..i];
        _position = i;
        return word switch
        {
            "and" or "or" or "in" => Make(TokenKind.Operator, word),
            "true" => Make(TokenKind.Value, word, Values.True),
            "false" => Make(TokenKind.Value, word, Values.False),
            "null" => Make(TokenKind.Value, word, JNull.Instance),
            _ => Make(TokenKind.Name, word, word),
        };
    }

    private Token ScanNumber()
    {
        var start = _position;
        var i = _position;
        if (At(i) == '0')
        {
            i++;
        }
        else
        {
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }

        if (At(i) == '.' && char.IsAsciiDigit(At(i + 1)))
        {
            i++;
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }

        if (At(i) is 'e' or 'E')
        {
            var j = i + 1;
            if (At(j) is '+' or '-')
            {
                j++;
            }

            if (char.IsAsciiDigit(At(j)))
            {
                while (char.IsAsciiDigit(At(j)))
                {
                    j++;
                }

                i = j;
            }
        }

        var text = _path[start..i];
        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        _position = i;
        if (double.IsInfinity(d))
        {
            throw JsonataException.Create("S0102", _position, text);
        }

        return Make(TokenKind.Number, text, d);
    }

    private Token ScanString(char quote)
    {
        _position++;
        var sb = new StringBuilder();
        while (_position < _path.Length)
        {
            var c = _path[_position];
            if (c == '\\')
            {
                _position++;
                var e = At(_position);
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var hex = _position + 5 <= _path.Length ? _path.Substring(_position + 1, 4) : string.Empty;
                        if (hex.Length == 4 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            _position += 4;
                        }
                        else
                        {
                            throw JsonataException.Create("S0104", _position);
                        }

                        break;
                    default:
                        throw JsonataException.Create("S0103", _position, e.ToString());
                }
            }
            else if (c == quote)
            {
                _position++;
                var s = sb.ToString();
                return Make(TokenKind.String, s, s);
            }
            else
            {
                sb.Append(c);
            }

            _position++;
        }

        throw JsonataException.Create("S0101", _position);
    }

    private Token ScanRegex()
    {
        var start = _position;
        var depth = 0;
        while (_position < _path.Length)
        {
            var c = _path[_position];
            if (c == '/' && depth == 0)
            {
                var backslashes = 0;
                while (_position - (backslashes + 1) >= 0 && _path[_position - (backslashes + 1)] == '\\')
                {
                    backslashes++;
                }

                if (backslashes % 2 == 0)
                {
                    var pattern = _path[start.._position];
                    if (pattern.Length == 0)
                    {
                        throw JsonataException.Create("S0301", _position);
                    }

                    _position++;
                    var flagStart = _position;
                    while (At(_position) is 'i' or 'm')
                    {
                        _position++;
                    }

                    var flags = _path[flagStart.._position];
                    return Make(TokenKind.Regex, pattern, new RegexLiteral(pattern, flags));
                }
            }

            var prev = _position > 0 ? _path[_position - 1] : '\0';
            if (c is '(' or '[' or '{' && prev != '\\')
            {
                depth++;
            }

            if (c is ')' or ']' or '}' && prev != '\\')
            {
                depth--;
            }

            _position++;
        }

        throw JsonataException.Create("S0302", _position);
    }
}

/// <summary>A regular expression literal: the JavaScript source and flags.</summary>
internal sealed record RegexLiteral(string Pattern, string Flags);
