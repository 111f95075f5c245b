namespace SfnResume.Templates;

/// <summary>Reads the local files a template points at (state machine definitions, function code).</summary>
public interface ITemplateFileSource
{
    /// <summary>The file's text, or <see langword="null"/> when there is no such file.</summary>
    string? TryReadAllText(string path);
}

/// <summary>Reads files from the local disk.</summary>
public sealed class DiskTemplateFileSource : ITemplateFileSource
{
    public static DiskTemplateFileSource Instance { get; } = new();

    private DiskTemplateFileSource()
    {
    }

    public string? TryReadAllText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
