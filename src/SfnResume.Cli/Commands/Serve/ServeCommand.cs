using System.CommandLine;
using SfnResume.Cli.Infrastructure;
using SfnResume.Server;

namespace SfnResume.Cli.Commands.Serve;

/// <summary><c>sfn-resume serve</c>: the local API over HTTP until the process is stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static ServeCommandDefinition Create()
    {
        var definition = new ServeCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ExecuteAsync(definition, parseResult, io, ct));
        return definition;
    }

    private static async Task<int> ExecuteAsync(ServeCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken cancellationToken)
    {
        var port = parseResult.GetValue(symbols.Port);
        if (port is < 0 or > 65535)
        {
            throw new CliUserException($"--port: {port} is not a port number");
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parseResult.GetValue(symbols.RequireAuth) ?? [])
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
            {
                throw new CliUserException($"--require-auth '{pair}': expected KEY_ID:SECRET");
            }

            keys[pair[..colon]] = pair[(colon + 1)..];
        }

        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var options = new SfnServerOptions { Host = parseResult.GetValue(symbols.Host)!, Port = port, AccessKeys = keys };
        await using var server = new SfnServer(connection.Api, options);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CliUserException($"cannot listen on {options.Host}:{port}: {ex.Message}");
        }

        await io.Out.WriteLineAsync($"Listening on {server.BaseAddress} (state dir {connection.StateDirectory}{(options.RequireAuth ? ", SigV4 required" : "")}).").ConfigureAwait(false);
        await io.Out.WriteLineAsync($"Try: aws stepfunctions list-state-machines --endpoint-url {server.BaseAddress}").ConfigureAwait(false);
        await io.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop accepting requests; running executions continue on the next start.
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
