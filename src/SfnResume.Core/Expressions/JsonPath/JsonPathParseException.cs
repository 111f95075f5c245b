namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>A path or intrinsic call that cannot be parsed; <see cref="Position"/> is the 0-based character offset.</summary>
public sealed class JsonPathParseException : FormatException
{
    public JsonPathParseException(string text, int position, string reason)
        : base($"{reason} (at position {position} in '{text}')")
    {
        Text = text;
        Position = position;
        Reason = reason;
    }

    public JsonPathParseException()
        : this(string.Empty, 0, "Invalid path")
    {
    }

    public JsonPathParseException(string message)
        : this(string.Empty, 0, message)
    {
    }

    public JsonPathParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = string.Empty;
        Reason = message;
    }

    /// <summary>The text that failed to parse.</summary>
    public string Text { get; }

    /// <summary>0-based offset of the offending character.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
