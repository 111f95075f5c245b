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

    public ConnectionOptions(Command command, bool runsExecutions, bool remote = true)
    {
        _remote = remote;
        command.Options.Add(StateDir);
        if (remote)
        {
            command.Options.Add(EndpointUrl);
            command.Options.Add(UseAws);
            command.Options.Add(Profile);
            command.Options.Add(Region);
        }

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

    private readonly bool _remote;

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Use a Step Functions-compatible API at this URL instead of the embedded store (also AWS_ENDPOINT_URL_SFN).",
        HelpName = "URL",
    };

    public Option<bool> UseAws { get; } = new("--aws")
    {
        Description = "Use AWS Step Functions itself (credentials and region from the AWS configuration).",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The AWS profile to use with --aws or --endpoint-url.",
        HelpName = "NAME",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region to use with --aws.",
        HelpName = "REGION",
    };

    public Option<string[]>? Lambdas { get; }

    public Option<string?>? LambdaEndpoint { get; }

    public ApiConnectionSettings Settings(ParseResult parseResult) => new(
        parseResult.GetValue(StateDir),
        Lambdas is null ? [] : parseResult.GetValue(Lambdas) ?? [],
        LambdaEndpoint is null ? null : parseResult.GetValue(LambdaEndpoint))
    {
        EndpointUrl = parseResult.GetValue(EndpointUrl),
        UseAws = parseResult.GetValue(UseAws),
        Profile = parseResult.GetValue(Profile),
        Region = parseResult.GetValue(Region),
        LocalOnly = !_remote,
    };
}
