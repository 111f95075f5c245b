namespace SfnResume.Templates;

/// <summary>
/// A template that cannot be deployed: broken YAML or JSON, an unknown tag or intrinsic function, a reference to
/// something the template does not define, or a construct the local engine does not support. The message is one
/// line that names the problem and where it is.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TemplateException(string message, string? location, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
        Line = line;
        Column = column;
    }

    /// <summary>Where in the template the problem is, as a slash path such as <c>/Resources/Fn/Properties/Role</c>.</summary>
    public string? Location { get; }

    /// <summary>One-based line of the problem in the template text, when the parser knows it.</summary>
    public int? Line { get; }

    /// <summary>One-based column of the problem in the template text, when the parser knows it.</summary>
    public int? Column { get; }
}
