using System.CommandLine;

namespace SfnResume.Cli.Infrastructure;

/// <summary>The writers a command prints to, taken from the invocation so tests can capture them.</summary>
internal sealed record CliIo(TextWriter Out, TextWriter Error, bool Color)
{
    public static CliIo From(ParseResult parseResult)
    {
        var config = parseResult.InvocationConfiguration;
        var output = config.Output;
        var color = ReferenceEquals(output, Console.Out)
            && !Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        return new CliIo(output, config.Error, color);
    }
}
