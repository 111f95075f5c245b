using System.Text;
using System.Text.Json;

namespace SfnResume.Core.History;

/// <summary>
/// A string member of an event (a data field such as <c>input</c>, or a <c>cause</c>) that may still be the raw
/// UTF-8 token it was read from. Histories carry megabytes of escaped JSON text in these members; decoding them
/// only when asked keeps reading a 25,000-event history cheap, and writing the raw token back keeps it exact.
/// </summary>
internal sealed class JsonText : IEquatable<JsonText>
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

    /// <summary>The text; for a member that held a JSON value instead of a string, the value's JSON text.</summary>
    public string Value => _value ??= Decode();

    /// <summary>The token as read, quotes included, when it was a JSON string; empty otherwise.</summary>
    public ReadOnlyMemory<byte> RawString => _rawIsString ? _raw : default;

    public static JsonText? From(string? value) => value is null ? null : new JsonText(value);

    /// <summary>Wraps a string token (<paramref name="quotedToken"/> includes both quotes).</summary>
    public static JsonText FromStringToken(ReadOnlyMemory<byte> quotedToken) => new(quotedToken, rawIsString: true);

    /// <summary>Wraps a non-string JSON value: normalised exports hold parsed objects where AWS holds text.</summary>
    public static JsonText FromValueToken(ReadOnlyMemory<byte> valueJson) => new(valueJson, rawIsString: false);

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

    public bool Equals(JsonText? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_rawIsString && other._rawIsString && _raw.Span.SequenceEqual(other._raw.Span))
        {
            return true;
        }

        return string.Equals(Value, other.Value, StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => Equals(obj as JsonText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    private string Decode()
    {
        if (!_rawIsString)
        {
            return Encoding.UTF8.GetString(_raw.Span);
        }

        var reader = new Utf8JsonReader(_raw.Span);
        reader.Read();
        return reader.GetString()!;
    }
}
