using System.CommandLine;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>The symbols of <c>sfn-resume plan</c>; behaviour lives in <see cref="PlanCommand"/>.</summary>
internal sealed class PlanCommandDefinition : Command
{
    public PlanCommandDefinition()
        : base("plan", "Work out where a failed execution resumes, offline from a saved history and definition.")
    {
        Options.Add(History);
        Options.Add(Definition);
        Options.Add(From);
        Options.Add(Patch);
        Options.Add(Flag);
        Options.Add(MachineName);
        Options.Add(Out);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
    }

    public Option<string> History { get; } = new("--history")
    {
        Description = "The execution history: GetExecutionHistory JSON as the AWS CLI, SDKs or boto3 write it.",
        Required = true,
        HelpName = "FILE",
    };

    public Option<string> Definition { get; } = new("--definition")
    {
        Description = "The state machine definition (ASL JSON) the execution ran with.",
        Required = true,
        HelpName = "FILE",
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

    public Option<string?> MachineName { get; } = new("--name")
    {
        Description = "The original state machine's name (default: from the definition file's name).",
        HelpName = "NAME",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write resume-definition.json, resume-input.json and the Mermaid picture resume-graph.mmd into this folder.",
        HelpName = "DIR",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
