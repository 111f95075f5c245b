using System.CommandLine;
using System.CommandLine.Help;
using SfnResume.Cli.Commands.Conformance;
using SfnResume.Cli.Commands.Deploy;
using SfnResume.Cli.Commands.Describe;
using SfnResume.Cli.Commands.Executions;
using SfnResume.Cli.Commands.History;
using SfnResume.Cli.Commands.Demo;
using SfnResume.Cli.Commands.Graph;
using SfnResume.Cli.Commands.Plan;
using SfnResume.Cli.Commands.Resume;
using SfnResume.Cli.Commands.Redrive;
using SfnResume.Cli.Commands.Run;
using SfnResume.Cli.Commands.Serve;
using SfnResume.Cli.Commands.Start;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli;

/// <summary>Builds the command tree and runs it with injected writers, so tests drive it in process.</summary>
internal static class CliApp
{
    public const string Name = "sfn-resume";

    /// <summary>
    /// A plain command named <c>sfn-resume</c> rather than <see cref="RootCommand"/>, whose name is the host
    /// process's (<c>testhost</c> under the test runner), so help reads the same everywhere.
    /// </summary>
    public static Command BuildRoot()
    {
        var root = new Command(Name, "Bring failed AWS Step Functions executions back to life: plan a resume from a history, run state machines locally, resume them.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DeployCommand.Create());
        root.Subcommands.Add(StartCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(RedriveCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ExecutionsCommand.Create());
        root.Subcommands.Add(DescribeCommand.Create());
        root.Subcommands.Add(HistoryCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot();
        // '@FILE' is ours (--input @in.json, --patch @fix.json), not a response file.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            // A mistyped command line is a user error like any other: one line, exit code 2.
            var command = parseResult.CommandResult.Command;
            var name = command == root ? "sfn-resume" : $"sfn-resume {command.Name}";
            var message = string.Join(' ', parseResult.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await stderr.WriteLineAsync($"error: {message} (see '{name} --help')").ConfigureAwait(false);
            return ExitCodes.UserError;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parseResult.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
