using System.CommandLine;

namespace SfnResume.Cli.Commands.Conformance;

/// <summary>The symbols of <c>sfn-resume conformance</c>; behaviour lives in <see cref="ConformanceCommand"/>.</summary>
internal sealed class ConformanceCommandDefinition : Command
{
    public ConformanceCommandDefinition()
        : base("conformance", "Run executions recorded against AWS on the local engine and compare results and histories.")
    {
        Options.Add(Cases);
        Options.Add(Category);
        Options.Add(Report);
        Options.Add(Parallel);
        Options.Add(Timeout);
    }

    public Option<string> Cases { get; } = new("--cases")
    {
        Description = "A folder of recorded cases (one JSON file each, as in the shared conformance corpus).",
        Required = true,
        HelpName = "DIR",
    };

    public Option<string[]> Category { get; } = new("--category")
    {
        Description = "Only cases of this category (repeatable): pass, choice, wait, parallel, map, lambda, ...",
        HelpName = "NAME",
    };

    public Option<string?> Report { get; } = new("--report")
    {
        Description = "Write every case's outcome and the mismatches as JSON.",
        HelpName = "FILE",
    };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "Cases run at once (default: the number of cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one case may take in real time.",
        DefaultValueFactory = _ => 20,
        HelpName = "SECONDS",
    };
}
