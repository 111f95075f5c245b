using System.CommandLine;

namespace SfnResume.Cli.Infrastructure;

/// <summary>Runs a verb's behaviour and turns user errors into one line on stderr and exit code 2.</summary>
internal static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CliIo, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = CliIo.From(parseResult);
            try
            {
                return await action(parseResult, io, cancellationToken).ConfigureAwait(false);
            }
            catch (CliUserException ex)
            {
                await io.Error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
                return ExitCodes.UserError;
            }
        });
    }

    /// <summary>
    /// The message on one line: line breaks a message quotes from its input (AWS's JSON syntax messages quote the
    /// definition's text) are shown escaped, as <c>\n</c>, instead of breaking the line.
    /// </summary>
    internal static string OneLine(string message) =>
        message.AsSpan().IndexOfAny('\r', '\n') < 0 ? message : message.Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\r");
}
