using System.CommandLine;

namespace SfnResume.Cli.Commands.Run;

/// <summary>The symbols of <c>sfn-resume run</c>; behaviour lives in <see cref="RunCommand"/>.</summary>
internal sealed class RunCommandDefinition : Command
{
    public RunCommandDefinition()
        : base("run", "Run a state machine on the local engine, once, and print how it ended.")
    {
        Options.Add(Definition);
        Options.Add(Input);
        Options.Add(Lambda);
        Options.Add(LambdaEndpoint);
        Options.Add(Mocks);
        Options.Add(TestCase);
        Options.Add(FastForward);
        Options.Add(NoLimits);
        Options.Add(MachineName);
        Options.Add(HistoryOut);
        Options.Add(Output);
        Output.AcceptOnlyFromAmong("text", "json");
    }

    public Option<string> Definition { get; } = new("--definition")
    {
        Description = "The state machine definition (ASL JSON).",
        Required = true,
        HelpName = "FILE",
    };

    public Option<string?> Input { get; } = new("--input")
    {
        Description = "The execution input, inline or @FILE (default {}).",
        HelpName = "JSON|@FILE",
    };

    public Option<string[]> Lambda { get; } = new("--lambda")
    {
        Description = "Serve every Lambda ARN whose function name is NAME with a Node.js-style handler file (repeatable).",
        HelpName = "NAME=FILE.js",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> LambdaEndpoint { get; } = new("--lambda-endpoint")
    {
        Description = "A Lambda Invoke API endpoint (sam local start-lambda, LocalStack) for functions without a handler file.",
        HelpName = "URL",
    };

    public Option<string?> Mocks { get; } = new("--mocks")
    {
        Description = "A Step Functions Local mock configuration file.",
        HelpName = "FILE",
    };

    public Option<string?> TestCase { get; } = new("--test-case")
    {
        Description = "The mock test case to use (with --mocks).",
        HelpName = "NAME",
    };

    public Option<bool> FastForward { get; } = new("--fast-forward")
    {
        Description = "Waits and retry pauses take no real time; a virtual clock moves on instead.",
    };

    public Option<bool> NoLimits { get; } = new("--no-limits")
    {
        Description = "Lift AWS's 256 KiB payload and 25,000-event history quotas for this local run.",
    };

    public Option<string?> MachineName { get; } = new("--name")
    {
        Description = "The state machine's name (default: from the definition file's name).",
        HelpName = "NAME",
    };

    public Option<string?> HistoryOut { get; } = new("--history-out")
    {
        Description = "Write the execution history as GetExecutionHistory returns it ({\"events\": [...]}).",
        HelpName = "FILE",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "text for people, json for scripts.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };
}
