using System.CommandLine;

namespace SfnResume.Cli.Infrastructure;

/// <summary>
/// The options that say which Step Functions API a command talks to (the state directory of the embedded
/// engine) and, for commands that run executions, what serves their Lambda tasks.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string StateDirVariable = "SFN_RESUME_STATE_DIR";
    public const string DefaultStateDir = ".sfn-resume";

    public ConnectionOptions(Command command, bool runsExecutions)
    {
        command.Options.Add(StateDir);
        if (runsExecutions)
        {
            Lambdas = new Option<string[]>("--lambda")
            {
                Description = "Serve a Lambda function with a local Node.js handler instead of its deployed code (repeatable).",
                HelpName = "NAME=FILE.js",
                AllowMultipleArgumentsPerToken = false,
            };
            LambdaEndpoint = new Option<string?>("--lambda-endpoint")
            {
                Description = "Send Lambda invocations this engine does not serve to a Lambda-compatible endpoint (e.g. sam local start-lambda).",
                HelpName = "URL",
            };
            command.Options.Add(Lambdas);
            command.Options.Add(LambdaEndpoint);
        }
    }

    public Option<string?> StateDir { get; } = new("--state-dir")
    {
        Description = $"Where the local engine keeps state machines, executions and histories (default: ${StateDirVariable}, else ./{DefaultStateDir}).",
        HelpName = "DIR",
    };

    public Option<string[]>? Lambdas { get; }

    public Option<string?>? LambdaEndpoint { get; }

    public ApiConnectionSettings Settings(ParseResult parseResult) => new(
        parseResult.GetValue(StateDir),
        Lambdas is null ? [] : parseResult.GetValue(Lambdas) ?? [],
        LambdaEndpoint is null ? null : parseResult.GetValue(LambdaEndpoint));
}
