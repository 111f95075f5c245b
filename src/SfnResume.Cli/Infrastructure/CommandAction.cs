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
                await io.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.UserError;
            }
        });
    }
}
