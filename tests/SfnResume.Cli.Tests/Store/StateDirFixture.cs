using System.Text.Json.Nodes;
using SfnResume.Testing;

namespace SfnResume.Cli.Tests.Store;

/// <summary>A fresh temporary folder with a state directory in it, and the seed's tutorial steps.</summary>
internal sealed class StateDirFixture : IDisposable
{
    public static readonly string SeedTemplate = RepoPaths.InRoot("samples", "resume-from-state", "ResumeFromState.yaml");
    public static readonly string SamTemplate = RepoPaths.InRoot("tests", "SfnResume.Templates.Tests", "testdata", "sam-app", "template.yaml");
    public const string SeedInput = """{"Message": "Your message here"}""";

    public StateDirFixture()
    {
        Root = Directory.CreateTempSubdirectory("sfn-resume-cli-").FullName;
        StateDir = Path.Combine(Root, "state");
    }

    public string Root { get; }

    public string StateDir { get; }

    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--state-dir", StateDir]);

    /// <summary>Deploys the seed template and starts the failing execution <c>first-try</c>.</summary>
    public async Task<CliRun> DeployAndFailAsync()
    {
        var deploy = await RunAsync("deploy", SeedTemplate);
        Assert.Equal(0, deploy.ExitCode);
        var start = await RunAsync("start", "ResumeFromStateExample", "--name", "first-try", "--input", SeedInput, "--output", "json");
        Assert.Equal(1, start.ExitCode);
        return start;
    }

    public async Task<JsonArray> HistoryAsync(string execution)
    {
        var history = await RunAsync("history", execution, "--output", "json");
        Assert.Equal(0, history.ExitCode);
        return JsonNode.Parse(history.Out)!["events"]!.AsArray();
    }

    public static int Count(JsonArray events, string type) => events.Count(e => (string?)e!["type"] == type);

    public static int Entered(JsonArray events, string state) =>
        events.Count(e => (string?)e!["stateEnteredEventDetails"]?["name"] == state);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
