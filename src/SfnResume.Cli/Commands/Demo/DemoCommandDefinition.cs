using System.CommandLine;

namespace SfnResume.Cli.Commands.Demo;

/// <summary>The symbols of <c>sfn-resume demo</c>; behaviour lives in <see cref="DemoCommand"/>.</summary>
internal sealed class DemoCommandDefinition : Command
{
    public DemoCommandDefinition()
        : base("demo", "Walk through the resume-from-state tutorial end to end on a fresh local engine: deploy, fail, plan, resume, succeed.")
    {
        Options.Add(Keep);
    }

    public Option<bool> Keep { get; } = new("--keep")
    {
        Description = "Keep the temporary state directory (to look at it with executions, describe, history).",
    };
}
