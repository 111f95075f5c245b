using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Resume;

/// <summary>The symbols of <c>sfn-resume resume</c>; behaviour lives in <see cref="ResumeCommand"/>.</summary>
internal sealed class ResumeCommandDefinition : Command
{
    public ResumeCommandDefinition()
        : base("resume", "Plan the resume of a failed execution, deploy the copy with a GoToState Choice in front and, with --start, run it.")
    {
        Arguments.Add(Execution);
        Options.Add(From);
        Options.Add(Patch);
        Options.Add(Flag);
        Options.Add(Start);
        Options.Add(NoWait);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: true);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string> Execution { get; } = new("EXECUTION")
    {
        Description = "The failed execution: its ARN, MACHINE:NAME, or its name.",
    };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "Resume at this state instead of the failed one (a state the history entered).",
        HelpName = "STATE",
    };

    public Option<string?> Patch { get; } = new("--patch")
    {
        Description = "A JSON Merge Patch (RFC 7396) applied to the recorded input, inline or @FILE.",
        HelpName = "JSON|@FILE",
    };

    public Option<string> Flag { get; } = new("--flag")
    {
        Description = "The input member that tells the copy it is resuming.",
        DefaultValueFactory = _ => "resuming",
        HelpName = "NAME",
    };

    public Option<bool> Start { get; } = new("--start")
    {
        Description = "Start the copy with the resume input (once: asking again shows the execution already started).",
    };

    public Option<bool> NoWait { get; } = new("--no-wait")
    {
        Description = "With --start, return without waiting for the resumed execution's outcome.",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
