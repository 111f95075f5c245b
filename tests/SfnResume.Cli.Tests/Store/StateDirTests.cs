using System.Text.Json.Nodes;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Tests.Store;

/// <summary>Changes the process environment: kept out of parallel runs with the other CLI tests.</summary>
[CollectionDefinition(nameof(StateDirEnvironment), DisableParallelization = true)]
public sealed class StateDirEnvironment;

[Collection(nameof(StateDirEnvironment))]
public sealed class StateDirTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sfn-resume-env-").FullName;
    private readonly string? _saved = Environment.GetEnvironmentVariable(ConnectionOptions.StateDirVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ConnectionOptions.StateDirVariable, _saved);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task EnvironmentVariable_ChoosesTheStateDir_AndTheOptionWinsOverIt()
    {
        var fromEnv = Path.Combine(_root, "env");
        var fromOption = Path.Combine(_root, "option");
        Environment.SetEnvironmentVariable(ConnectionOptions.StateDirVariable, fromEnv);

        var deploy = await CliRunner.RunAsync("deploy", StateDirFixture.SeedTemplate, "--output", "json");
        var other = await CliRunner.RunAsync("executions", "--state-dir", fromOption);

        Assert.Equal(0, deploy.ExitCode);
        Assert.Equal(Path.GetFullPath(fromEnv), (string?)JsonNode.Parse(deploy.Out)!["stateDir"]);
        Assert.True(Directory.Exists(fromEnv));
        Assert.Equal($"No executions in {Path.GetFullPath(fromOption)}.", other.Out.TrimEnd());
    }

    [Fact]
    public void Default_IsDotSfnResumeInTheCurrentDirectory()
    {
        Environment.SetEnvironmentVariable(ConnectionOptions.StateDirVariable, null);

        Assert.Equal(Path.GetFullPath(".sfn-resume"), ApiConnection.ResolveStateDir(null));
    }
}
