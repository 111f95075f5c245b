using System.Globalization;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// Recursive-descent parser for the Jayway-style JSONPath dialect of the Amazon States Language
/// (https://states-language.net/#path, https://github.com/json-path/JsonPath#operators).
/// </summary>
internal sealed partial class JsonPathParser
{
    private readonly string _text;
    private int _pos;

    private JsonPathParser(string text)
    {
        _text = text;
    }

    public static (JsonPathRoot Root, string? Variable, PathSegment[] Segments) Parse(string text)
    {
        var parser = new JsonPathParser(text);
        return parser.ParseWhole();
    }

    private (JsonPathRoot, string?, PathSegment[]) ParseWhole()
    {
        if (_text.Length == 0 || _text[0] != '$')
        {
            throw Error("A path must start with '$'");
        }

        _pos = 1;
        var root = JsonPathRoot.Input;
        string? variable = null;
        if (_pos < _text.Length && _text[_pos] == '$')
        {
            root = JsonPathRoot.Context;
            _pos++;
        }
        else if (_pos < _text.Length && IsVariableStart(_text[_pos]))
        {
            var start = _pos;
            while (_pos < _text.Length && IsVariablePart(_text[_pos]))
            {
                _pos++;
            }

            root = JsonPathRoot.Variable;
            variable = _text[start.._pos];
        }

        var segments = ParseSegments(inFilter: false);
        if (_pos != _text.Length)
        {
            throw Error($"Unexpected character '{_text[_pos]}'");
        }

        return (root, variable, segments);
    }

    private static bool IsVariableStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsVariablePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private PathSegment[] ParseSegments(bool inFilter)
    {
        var segments = new List<PathSegment>();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '.')
            {
                if (Peek(1) == '.')
                {
                    _pos += 2;
                    segments.Add(new DeepScanSegment(ParseDeepScanTarget(inFilter)));
                }
                else if (Peek(1) == '[')
                {
                    // AWS documents '$.abc.['def ghi']' for names with spaces: a dot before a bracket is ignored.
                    _pos++;
                }
                else
                {
                    _pos++;
                    segments.Add(ParseDotTarget(inFilter));
                }
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (inFilter)
            {
                break;
            }
            else
            {
                throw Error($"Unexpected character '{c}'");
            }
        }

        // Jayway merges a trailing multi-property step into one object, which makes it definite.
        if (segments.Count > 0 && segments[^1] is MultiPropertySegment last)
        {
            segments[^1] = new MultiPropertySegment(last.Names, isLeaf: true);
        }

        return [.. segments];
    }

    private PathSegment ParseDeepScanTarget(bool inFilter)
    {
        if (_pos >= _text.Length)
        {
            throw Error("Path must not end with '..'");
        }

        if (_text[_pos] == '[')
        {
            return ParseBracket();
        }

        return ParseDotTarget(inFilter);
    }

    private PathSegment ParseDotTarget(bool inFilter)
    {
        if (_pos < _text.Length && _text[_pos] == '*')
        {
            _pos++;
            return WildcardSegment.Instance;
        }

        var start = _pos;
        while (_pos < _text.Length && !IsNameTerminator(_text[_pos], inFilter))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error("Expected a property name");
        }

        if (_pos < _text.Length && _text[_pos] == '(')
        {
            throw Error($"Path functions are not supported: '{_text[start.._pos]}()'");
        }

        return new PropertySegment(_text[start.._pos]);
    }

    private static bool IsNameTerminator(char c, bool inFilter) =>
        c is '.' or '[' or '(' || char.IsWhiteSpace(c)
        || (inFilter && c is ')' or '=' or '!' or '<' or '>' or '&' or '|' or ',' or ']');

    private PathSegment ParseBracket()
    {
        _pos++; // '['
        SkipSpaces();
        if (_pos >= _text.Length)
        {
            throw Error("Unterminated '['");
        }

        var c = _text[_pos];
        PathSegment segment;
        if (c is '\'' or '"')
        {
            var names = new List<string>();
            while (true)
            {
                names.Add(ReadBracketName());
                SkipSpaces();
                if (Peek(0) == ',')
                {
                    _pos++;
                    SkipSpaces();
                    continue;
                }

                break;
            }

            segment = names.Count == 1 ? new PropertySegment(names[0]) : new MultiPropertySegment(names, isLeaf: false);
        }
        else if (c == '*')
        {
            _pos++;
            segment = WildcardSegment.Instance;
        }
        else if (c == '?')
        {
            _pos++;
            SkipSpaces();
            Expect('(');
            var start = _pos;
            var predicate = ParseOr();
            SkipSpaces();
            var text = _text[start.._pos];
            Expect(')');
            segment = new FilterSegment(predicate, text);
        }
        else
        {
            segment = ParseIndexOrSlice();
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    // Quoted member names are taken verbatim: a backslash only stops the next character from closing the
    // name (a recorded AWS execution resolves $['Test\""Name"'] to the member named Test\""Name").
    private string ReadBracketName()
    {
        var quote = _text[_pos];
        var start = ++_pos;
        var escaped = false;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c == quote)
            {
                var name = _text[start.._pos];
                _pos++;
                return name;
            }

            _pos++;
        }

        throw Error("Unterminated quoted name");
    }

    private PathSegment ParseIndexOrSlice()
    {
        int? first = TryReadInt();
        SkipSpaces();
        if (Peek(0) == ':')
        {
            _pos++;
            SkipSpaces();
            int? end = TryReadInt();
            SkipSpaces();
            if (Peek(0) == ':')
            {
                throw Error("Slice steps are not supported");
            }

            return new SliceSegment(first, end);
        }

        if (first is null)
        {
            throw Error("Expected an index, a slice, '*', a quoted name or a filter");
        }

        var indexes = new List<int> { first.Value };
        while (Peek(0) == ',')
        {
            _pos++;
            SkipSpaces();
            indexes.Add(TryReadInt() ?? throw Error("Expected an index"));
            SkipSpaces();
        }

        return indexes.Count == 1 ? new IndexSegment(indexes[0]) : new MultiIndexSegment(indexes);
    }

    private int? TryReadInt()
    {
        var start = _pos;
        if (Peek(0) == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start || (_pos == start + 1 && _text[start] == '-'))
        {
            _pos = start;
            return null;
        }

        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("Index out of range");
        }

        return value;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Expect(char c)
    {
        if (Peek(0) != c)
        {
            throw Error($"Expected '{c}'");
        }

        _pos++;
    }

    private JsonPathParseException Error(string reason) => new(_text, _pos, reason);
}
