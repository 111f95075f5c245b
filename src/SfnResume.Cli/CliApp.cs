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

    /// <summary>The commands, in the order help lists them, each built only when asked for.</summary>
    private static readonly (string Name, Func<Command> Create)[] s_commands =
    [
        ("plan", PlanCommand.Create),
        ("run", RunCommand.Create),
        ("conformance", ConformanceCommand.Create),
        ("graph", GraphCommand.Create),
        ("serve", ServeCommand.Create),
        ("deploy", DeployCommand.Create),
        ("start", StartCommand.Create),
        ("resume", ResumeCommand.Create),
        ("redrive", RedriveCommand.Create),
        ("demo", DemoCommand.Create),
        ("executions", ExecutionsCommand.Create),
        ("describe", DescribeCommand.Create),
        ("history", HistoryCommand.Create),
    ];

    /// <summary>
    /// A plain command named <c>sfn-resume</c> rather than <see cref="RootCommand"/>, whose name is the host
    /// process's (<c>testhost</c> under the test runner), so help reads the same everywhere.
    /// </summary>
    public static Command BuildRoot() => BuildRoot(only: null);

    /// <summary>
    /// The root with every command, or with only <paramref name="only"/> when the command line names it first: a run
    /// of one command then does not build the options and actions of the other twelve (start-up time of a short
    /// command). Parsing, errors and help of that command are the same either way.
    /// </summary>
    private static Command BuildRoot(string? only)
    {
        var root = new Command(Name, "Bring failed AWS Step Functions executions back to life: plan a resume from a history, run state machines locally, resume them.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        foreach (var (name, create) in s_commands)
        {
            if (only is null || only == name)
            {
                var command = create();
                if (command.Name != name)
                {
                    throw new InvalidOperationException($"command '{command.Name}' is listed as '{name}'");
                }

                root.Subcommands.Add(command);
            }
        }

        return root;
    }

    private static bool IsCommand(string name)
    {
        foreach (var (command, _) in s_commands)
        {
            if (command == name)
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(args.Length > 0 && IsCommand(args[0]) ? args[0] : null);
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
