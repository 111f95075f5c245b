using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Deploy;

/// <summary>The symbols of <c>sfn-resume deploy</c>; behaviour lives in <see cref="DeployCommand"/>.</summary>
internal sealed class DeployCommandDefinition : Command
{
    public DeployCommandDefinition()
        : base("deploy", "Deploy a CloudFormation or SAM template's state machines and Node.js functions into the local engine.")
    {
        Arguments.Add(Template);
        Options.Add(StackName);
        Options.Add(Parameters);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: false);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string> Template { get; } = new("TEMPLATE")
    {
        Description = "The template file (YAML or JSON).",
    };

    public Option<string?> StackName { get; } = new("--stack-name")
    {
        Description = "The stack's name (default: from the template's file name). Deploying the same stack again updates it.",
        HelpName = "NAME",
    };

    public Option<string[]> Parameters { get; } = new("--parameter")
    {
        Description = "A template parameter value (repeatable).",
        HelpName = "KEY=VALUE",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
