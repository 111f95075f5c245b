using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// A forward-only JSON tokenizer over one buffer, with the subset of <see cref="Utf8JsonReader"/>'s surface the
/// history reader uses. It checks the grammar (structure, numbers, literals, control characters in strings) and
/// accepts several top-level values (pages back to back, one record per line); it finds string ends with
/// <see cref="JsonStringScan"/> and leaves unescaping to whoever asks for the text. Errors are
/// <see cref="HistoryFormatException"/>s naming line and byte.
/// </summary>
internal ref struct JsonScanner
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private int _pos;
    private int _depth;
    private ulong _inObject; // bit d set: the container at depth d + 1 is an object
    private bool _afterValue;
    private int _valueStart;
    private int _valueLength;

    public JsonScanner(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>Offset of the current token's first byte (the opening quote of a string).</summary>
    public int TokenStartIndex { get; private set; }

    /// <summary>Offset just past the current token.</summary>
    public readonly int BytesConsumed => _pos;

    /// <summary>Raw bytes of a string (between the quotes, still escaped) or a number.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _data.Slice(_valueStart, _valueLength);

    public bool ValueIsEscaped { get; private set; }

    public bool Read()
    {
        SkipWhitespace();
        if (_pos >= _data.Length)
        {
            if (_depth > 0)
            {
                throw Invalid(_pos, "the data ends inside an object or array (truncated?)");
            }

            return false;
        }

        var c = _data[_pos];
        var inObject = _depth > 0 && (_inObject & (1UL << (_depth - 1))) != 0;
        if (_afterValue && _depth > 0)
        {
            if (c == (inObject ? (byte)'}' : (byte)']'))
            {
                return EndContainer(inObject);
            }

            if (c != ',')
            {
                throw Invalid(_pos, inObject ? "expected ',' or '}'" : "expected ',' or ']'");
            }

            _pos++;
            SkipWhitespace();
            if (_pos >= _data.Length)
            {
                throw Invalid(_pos, "the data ends inside an object or array (truncated?)");
            }

            c = _data[_pos];
            if (inObject)
            {
                ReadPropertyName(c);
                return true;
            }
        }
        else if (inObject && TokenType != JsonTokenType.PropertyName)
        {
            // Just after '{'.
            if (c == '}')
            {
                return EndContainer(inObject: true);
            }

            ReadPropertyName(c);
            return true;
        }
        else if (!inObject && _depth > 0 && TokenType == JsonTokenType.StartArray && c == ']')
        {
            return EndContainer(inObject: false);
        }

        ReadValue(c);
        return true;
    }

    /// <summary>On a StartObject/StartArray, moves to its matching end; on a property name, past its value.</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = _depth;
        while (Read() && _depth >= depth)
        {
        }
    }

    /// <summary>Whether the raw value ends with <paramref name="utf8"/> (for member-name suffixes; escapes not decoded).</summary>
    public readonly bool ValueEndsWith(ReadOnlySpan<byte> utf8) =>
        _valueLength >= utf8.Length && _data.Slice(_valueStart + _valueLength - utf8.Length, utf8.Length).SequenceEqual(utf8);

    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8) =>
        ValueIsEscaped ? GetString() == Encoding.UTF8.GetString(utf8) : ValueSpan.SequenceEqual(utf8);

    public readonly string GetString()
    {
        if (!ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(ValueSpan);
        }

        // Unescaping (and checking the escapes) is left to the framework's reader, on this token only.
        var reader = new Utf8JsonReader(_data.Slice(TokenStartIndex, _valueLength + 2));
        try
        {
            reader.Read();
            return reader.GetString()!;
        }
        catch (JsonException ex)
        {
            throw Invalid(TokenStartIndex, "bad escape in string: " + ex.Message);
        }
    }

    /// <summary>Copies an unescaped value into <paramref name="chars"/>; the caller checks <see cref="ValueIsEscaped"/> and length.</summary>
    public readonly int CopyString(Span<char> chars) => Encoding.UTF8.GetChars(ValueSpan, chars);

    public readonly bool TryGetInt64(out long value) =>
        Utf8Parser.TryParse(ValueSpan, out value, out var used) && used == _valueLength;

    public readonly bool GetBoolean() => TokenType == JsonTokenType.True;

    /// <summary>"line L, byte B of the line" for an offset, for messages.</summary>
    public readonly string Where(int offset)
    {
        var end = Math.Min(offset, _data.Length);
        var before = _data[..end];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return $"line {line}, byte {end - lineStart + 1} of the line";
    }

    private void ReadPropertyName(byte c)
    {
        if (c != '"')
        {
            throw Invalid(_pos, "expected a property name in double quotes");
        }

        ReadStringToken();
        SkipWhitespace();
        if (_pos >= _data.Length || _data[_pos] != ':')
        {
            throw Invalid(_pos, "expected ':' after a property name");
        }

        _pos++;
        TokenType = JsonTokenType.PropertyName;
        _afterValue = false;
    }

    private void ReadValue(byte c)
    {
        TokenStartIndex = _pos;
        ValueIsEscaped = false;
        switch (c)
        {
            case (byte)'{':
            case (byte)'[':
                if (_depth >= MaxDepth)
                {
                    throw Invalid(_pos, $"nested deeper than {MaxDepth}");
                }

                _pos++;
                _inObject = c == '{' ? _inObject | (1UL << _depth) : _inObject & ~(1UL << _depth);
                _depth++;
                TokenType = c == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                _afterValue = false;
                return;
            case (byte)'"':
                ReadStringToken();
                TokenType = JsonTokenType.String;
                break;
            case (byte)'t':
                ReadLiteral("true"u8, JsonTokenType.True);
                break;
            case (byte)'f':
                ReadLiteral("false"u8, JsonTokenType.False);
                break;
            case (byte)'n':
                ReadLiteral("null"u8, JsonTokenType.Null);
                break;
            default:
                ReadNumber();
                break;
        }

        _afterValue = true;
    }

    private bool EndContainer(bool inObject)
    {
        TokenStartIndex = _pos;
        _pos++;
        _depth--;
        TokenType = inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
        _afterValue = true;
        return true;
    }

    private void ReadStringToken()
    {
        TokenStartIndex = _pos;
        var end = JsonStringScan.FindEnd(_data, _pos + 1, out var escaped);
        if (end == -1)
        {
            throw Invalid(_pos, "the data ends inside a string (truncated?)");
        }

        if (end < -1)
        {
            throw Invalid(-2 - end, "control character in a string");
        }

        _valueStart = _pos + 1;
        _valueLength = end - _valueStart;
        ValueIsEscaped = escaped;
        _pos = end + 1;
    }

    private void ReadLiteral(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_data[_pos..].StartsWith(literal))
        {
            throw Invalid(_pos, "unexpected character");
        }

        _valueStart = _pos;
        _valueLength = literal.Length;
        _pos += literal.Length;
        TokenType = type;
    }

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? (RFC 8259 section 6).</summary>
    private void ReadNumber()
    {
        var start = _pos;
        var p = _pos;
        if (p < _data.Length && _data[p] == '-')
        {
            p++;
        }

        if (p < _data.Length && _data[p] == '0')
        {
            p++;
        }
        else if (!Digits(ref p))
        {
            throw Invalid(_pos, "unexpected character");
        }

        if (p < _data.Length && _data[p] == '.')
        {
            p++;
            if (!Digits(ref p))
            {
                throw Invalid(p, "expected a digit after '.'");
            }
        }

        if (p < _data.Length && (_data[p] | 0x20) == 'e')
        {
            p++;
            if (p < _data.Length && _data[p] is (byte)'+' or (byte)'-')
            {
                p++;
            }

            if (!Digits(ref p))
            {
                throw Invalid(p, "expected a digit in the exponent");
            }
        }

        _valueStart = start;
        _valueLength = p - start;
        _pos = p;
        TokenType = JsonTokenType.Number;
    }

    private readonly bool Digits(ref int p)
    {
        var start = p;
        while (p < _data.Length && (uint)(_data[p] - '0') <= 9)
        {
            p++;
        }

        return p > start;
    }

    private void SkipWhitespace()
    {
        while (_pos < _data.Length && _data[_pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            _pos++;
        }
    }

    private readonly HistoryFormatException Invalid(int offset, string problem) =>
        new($"invalid JSON at {Where(offset)}: {problem}", null, offset);
}
