using System.CommandLine;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Graph;

/// <summary>The symbols of <c>sfn-resume graph</c>; behaviour lives in <see cref="GraphCommand"/>.</summary>
internal sealed class GraphCommandDefinition : Command
{
    public GraphCommandDefinition()
        : base("graph", "Draw a state machine as Mermaid, Graphviz DOT or SVG, coloured by what an execution did or what a resume will do.")
    {
        Arguments.Add(Execution);
        Options.Add(Definition);
        Options.Add(History);
        Options.Add(Plan);
        Options.Add(From);
        Options.Add(Patch);
        Options.Add(Format);
        Options.Add(Out);
        Format.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        Connection = new ConnectionOptions(this, runsExecutions: false);
    }

    public ConnectionOptions Connection { get; }

    public Argument<string?> Execution { get; } = new("EXECUTION")
    {
        Description = "An execution (ARN, MACHINE:NAME or name) in the store or at --endpoint-url/--aws, drawn with the definition it ran with.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Definition { get; } = new("--definition")
    {
        Description = "The state machine definition (ASL JSON).",
        HelpName = "FILE",
    };

    public Option<string?> History { get; } = new("--history")
    {
        Description = "An execution history (GetExecutionHistory JSON): colour the states by what happened.",
        HelpName = "FILE",
    };

    public Option<bool> Plan { get; } = new("--plan")
    {
        Description = "Colour the states by what a resume will do: skip, reuse, run again, resume here (needs --history or EXECUTION).",
    };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "With --plan: resume at this state instead of the failed one.",
        HelpName = "STATE",
    };

    public Option<string?> Patch { get; } = new("--patch")
    {
        Description = "With --plan: a JSON Merge Patch (RFC 7396) for the recorded input, inline or @FILE.",
        HelpName = "JSON|@FILE",
    };

    public Option<string?> Format { get; } = new("--format")
    {
        Description = "mermaid, dot, or svg (runs Graphviz's dot). Default: from the --out extension, else mermaid.",
        HelpName = "mermaid|dot|svg",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the picture to this file and print its path (default: standard output).",
        HelpName = "FILE",
    };
}
