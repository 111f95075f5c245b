using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Redrive;

/// <summary>The symbols of <c>sfn-resume redrive</c>; behaviour lives in <see cref="RedriveCommand"/>.</summary>
internal sealed class RedriveCommandDefinition : Command
{
    public RedriveCommandDefinition()
        : base("redrive", "Redrive a failed execution the way AWS does (same input and definition); says why not when it cannot.")
    {
        Arguments.Add(Execution);
        Options.Add(NoWait);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: true);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string> Execution { get; } = new("EXECUTION")
    {
        Description = "The execution: its ARN, MACHINE:NAME, or its name.",
    };

    public Option<bool> NoWait { get; } = new("--no-wait")
    {
        Description = "Return once the redrive is accepted, without waiting for the outcome.",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
