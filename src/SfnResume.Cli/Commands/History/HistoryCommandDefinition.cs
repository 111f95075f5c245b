using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.History;

/// <summary>The symbols of <c>sfn-resume history</c>; behaviour lives in <see cref="HistoryCommand"/>.</summary>
internal sealed class HistoryCommandDefinition : Command
{
    public HistoryCommandDefinition()
        : base("history", "Show an execution's history; --output json writes GetExecutionHistory's {\"events\": [...]}, every page, for plan or any AWS tool.")
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
        Description = "text for people, json for plan and AWS tools.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
