namespace SfnResume.Cli.Infrastructure;

/// <summary>ANSI colour for people at a terminal; plain text for pipes, files, tests and NO_COLOR.</summary>
internal sealed class Style(bool color)
{
    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Cyan(string text) => Wrap("36", text);

    private string Wrap(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
