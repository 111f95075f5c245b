using System.CommandLine;

namespace SfnResume.Cli;

/// <summary>Builds the command tree and runs it with injected writers, so tests drive it in process.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("sfn-resume: bring failed AWS Step Functions executions back to life.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
    }
}
