using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Executions;

/// <summary>The symbols of <c>sfn-resume executions</c>; behaviour lives in <see cref="ExecutionsCommand"/>.</summary>
internal sealed class ExecutionsCommandDefinition : Command
{
    public ExecutionsCommandDefinition()
        : base("executions", "List the executions of one state machine, or of all of them.")
    {
        Arguments.Add(Machine);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: false);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string?> Machine { get; } = new("MACHINE")
    {
        Description = "The state machine's name, logical id or ARN (default: every state machine).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
