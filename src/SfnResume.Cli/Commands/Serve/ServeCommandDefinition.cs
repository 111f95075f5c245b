using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Serve;

/// <summary>The symbols of <c>sfn-resume serve</c>; behaviour lives in <see cref="ServeCommand"/>.</summary>
internal sealed class ServeCommandDefinition : Command
{
    public ServeCommandDefinition()
        : base("serve", "Serve the Step Functions API (AWS JSON 1.0) on the local engine, for the AWS SDKs and CLI.")
    {
        Connection = new ConnectionOptions(this, runsExecutions: true, remote: false);
        Options.Add(Host);
        Options.Add(Port);
        Options.Add(RequireAuth);
    }

    public ConnectionOptions Connection { get; }

    public Option<string> Host { get; } = new("--host")
    {
        Description = "Address to listen on; loopback unless told otherwise.",
        DefaultValueFactory = _ => "127.0.0.1",
        HelpName = "HOST",
    };

    public Option<int> Port { get; } = new("--port")
    {
        Description = "Port to listen on (0 picks a free one).",
        DefaultValueFactory = _ => 8083,
        HelpName = "PORT",
    };

    public Option<string[]> RequireAuth { get; } = new("--require-auth")
    {
        Description = "Check SigV4 signatures: accept only requests signed with this access key (repeatable).",
        HelpName = "KEY_ID:SECRET",
        AllowMultipleArgumentsPerToken = false,
    };
}
