using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.History;

/// <summary>
/// A string member of an event (a data field such as <c>input</c>, or a <c>cause</c>) that may still be the raw
/// UTF-8 token it was read from. Histories carry megabytes of escaped JSON text in these members; decoding them
/// only when asked keeps reading a 25,000-event history cheap, and writing the raw token back keeps it exact.
/// A struct held in a field of its details record, so reading allocates nothing for it; the decoded text is
/// cached in that field on first use. The default value means "absent".
/// </summary>
internal struct JsonText : IEquatable<JsonText>
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly bool _rawIsString;
    private string? _value;

    private JsonText(string value) => _value = value;

    private JsonText(ReadOnlyMemory<byte> raw, bool rawIsString)
    {
        _raw = raw;
        _rawIsString = rawIsString;
    }

    public readonly bool HasValue => _value is not null || !_raw.IsEmpty;

    /// <summary>The text, or null when absent; for a member that held a JSON value instead of a string, its JSON text.</summary>
    public string? Value => _value ??= _raw.IsEmpty ? null : Decode(_raw, _rawIsString);

    public static JsonText From(string? value) => value is null ? default : new JsonText(value);

    /// <summary>Wraps a string token (<paramref name="quotedToken"/> includes both quotes).</summary>
    public static JsonText FromStringToken(ReadOnlyMemory<byte> quotedToken) => new(quotedToken, rawIsString: true);

    /// <summary>Wraps a non-string JSON value: normalised exports hold parsed objects where AWS holds text.</summary>
    public static JsonText FromValueToken(ReadOnlyMemory<byte> valueJson) => new(valueJson, rawIsString: false);

    /// <summary>
    /// Parses the text as JSON straight from the UTF-8 it was read from (unescaped into a pooled buffer when it holds
    /// escapes), without making a string of it first. False when absent.
    /// </summary>
    /// <param name="node">The parsed value (null for the text <c>null</c>).</param>
    /// <param name="length">The text's length in UTF-16 code units, as <c>Value.Length</c>.</param>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public readonly bool TryParseJson(out JsonNode? node, out int length)
    {
        if (_value is not null)
        {
            length = _value.Length;
            node = JsonNode.Parse(_value);
            return true;
        }

        if (_raw.IsEmpty)
        {
            (node, length) = (null, 0);
            return false;
        }

        var content = _rawIsString ? _raw.Span[1..^1] : _raw.Span;
        if (!_rawIsString || content.IndexOf((byte)'\\') < 0)
        {
            length = Encoding.UTF8.GetCharCount(content);
            node = JsonNode.Parse(content);
            return true;
        }

        // Unescaping never lengthens the text.
        var buffer = ArrayPool<byte>.Shared.Rent(content.Length);
        try
        {
            var reader = new Utf8JsonReader(_raw.Span);
            reader.Read();
            var unescaped = buffer.AsSpan(0, reader.CopyString(buffer));
            length = Encoding.UTF8.GetCharCount(unescaped);
            node = JsonNode.Parse(unescaped);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_rawIsString)
        {
            writer.WriteRawValue(_raw.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Value);
        }
    }

    public readonly bool Equals(JsonText other)
    {
        if (_rawIsString && other._rawIsString && _raw.Span.SequenceEqual(other._raw.Span))
        {
            return true;
        }

        return string.Equals(Text(), other.Text(), StringComparison.Ordinal);
    }

    public override readonly bool Equals(object? obj) => obj is JsonText other && Equals(other);

    public override readonly int GetHashCode() => Text() is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0;

    public override readonly string ToString() => Text() ?? "";

    private readonly string? Text() => _value ?? (_raw.IsEmpty ? null : Decode(_raw, _rawIsString));

    private static string Decode(ReadOnlyMemory<byte> raw, bool isString)
    {
        if (!isString)
        {
            return Encoding.UTF8.GetString(raw.Span);
        }

        var content = raw.Span[1..^1];
        if (content.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(content);
        }

        var reader = new Utf8JsonReader(raw.Span);
        reader.Read();
        return reader.GetString()!;
    }
}
