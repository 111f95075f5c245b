namespace SfnResume.Core.History;

/// <summary>
/// A history document that cannot be read. The message is one line naming the problem and where it is
/// (<c>$.events[12].type: missing</c>, <c>line 40, byte 1031: ...</c>), fit to show a user as is.
/// </summary>
public sealed class HistoryFormatException : FormatException
{
    public HistoryFormatException()
    {
    }

    public HistoryFormatException(string message)
        : base(message)
    {
    }

    public HistoryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HistoryFormatException(string message, string? location, long? byteOffset, Exception? innerException = null)
        : base(location is null ? message : location + ": " + message, innerException)
    {
        Location = location;
        ByteOffset = byteOffset;
    }

    private HistoryFormatException(HistoryFormatException inner, string suffix)
        : base(inner.Message + suffix, inner)
    {
        Location = inner.Location;
        ByteOffset = inner.ByteOffset;
    }

    /// <summary>The same error with the line of its byte offset appended.</summary>
    internal HistoryFormatException WithLine(int line) => new(this, $" (line {line})");

    /// <summary>The JSON path (or line) of the faulty member, when known.</summary>
    public string? Location { get; }

    /// <summary>Offset in the input of the faulty token, when known.</summary>
    public long? ByteOffset { get; }
}
