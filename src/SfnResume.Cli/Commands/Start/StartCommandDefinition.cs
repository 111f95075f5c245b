using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Start;

/// <summary>The symbols of <c>sfn-resume start</c>; behaviour lives in <see cref="StartCommand"/>.</summary>
internal sealed class StartCommandDefinition : Command
{
    public StartCommandDefinition()
        : base("start", "Start an execution of a deployed state machine and, by default, wait for its outcome.")
    {
        Arguments.Add(Machine);
        Options.Add(Input);
        Options.Add(ExecutionName);
        Options.Add(NoWait);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: true);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string> Machine { get; } = new("MACHINE")
    {
        Description = "The state machine's name or ARN.",
    };

    public Option<string?> Input { get; } = new("--input")
    {
        Description = "The execution input, inline JSON or @FILE (default: {}).",
        HelpName = "JSON|@FILE",
    };

    public Option<string?> ExecutionName { get; } = new("--name")
    {
        Description = "The execution's name (default: a new UUID). Starting the same name with the same input again returns the same execution.",
        HelpName = "NAME",
    };

    public Option<bool> NoWait { get; } = new("--no-wait")
    {
        Description = "Print the execution ARN and return without waiting for the outcome.",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
