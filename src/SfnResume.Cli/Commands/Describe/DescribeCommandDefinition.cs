using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Describe;

/// <summary>The symbols of <c>sfn-resume describe</c>; behaviour lives in <see cref="DescribeCommand"/>.</summary>
internal sealed class DescribeCommandDefinition : Command
{
    public DescribeCommandDefinition()
        : base("describe", "Show an execution: status, input, output or error and cause.")
    {
        Arguments.Add(Execution);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
        Connection = new ConnectionOptions(this, runsExecutions: false);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string> Execution { get; } = new("EXECUTION")
    {
        Description = "The execution: its ARN, MACHINE:NAME, or its name.",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
