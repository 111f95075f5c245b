namespace SfnResume.Engine.Conformance;

/// <summary>A case file that cannot be used; the message is one line naming the file and the field.</summary>
public sealed class ConformanceCaseException : Exception
{
    public ConformanceCaseException()
    {
    }

    public ConformanceCaseException(string message)
        : base(message)
    {
    }

    public ConformanceCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConformanceCaseException(string file, string field, string problem)
        : base($"{file}: field '{field}' {problem}")
    {
        File = file;
        Field = field;
    }

    public string? File { get; }

    public string? Field { get; }
}
