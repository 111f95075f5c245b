using System.Text.Json.Nodes;
using SfnResume.Cli.Tests.Store;
using SfnResume.Local;
using SfnResume.Server;

namespace SfnResume.Cli.Tests.Remote;

/// <summary>The store commands against a Step Functions API over HTTP (the real local server on loopback).</summary>
public sealed class RemoteApiTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-remote-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Resume_ThroughTheHttpApi_SucceedsAsOnTheEmbeddedStore()
    {
        var state = Path.Combine(_temp, "state");
        var deploy = await CliRunner.RunAsync("deploy", StateDirFixture.SeedTemplate, "--state-dir", state, "--output", "json");
        Assert.Equal(0, deploy.ExitCode);
        var machineArn = (string)JsonNode.Parse(deploy.Out)!["resources"]!.AsArray()
            .Single(r => (string?)r!["logicalId"] == "ResumeFromStateExample")!["arn"]!;

        string url;
        CliRun start, resume;
        await using (var local = LocalStepFunctions.Open(state))
        await using (var server = new SfnServer(local, new SfnServerOptions { Port = 0 }))
        {
            await server.StartAsync();
            url = server.BaseAddress.ToString();
            start = await CliRunner.RunAsync("start", machineArn, "--input", """{"Message": "Your message here"}""", "--name", "first-try",
                "--endpoint-url", url, "--output", "json");
            var failedArn = (string)JsonNode.Parse(start.Out)!["executionArn"]!;
            resume = await CliRunner.RunAsync("resume", failedArn, "--endpoint-url", url, "--patch", """{"foo":1}""", "--start", "--output", "json");
        }

        Assert.Equal(1, start.ExitCode);
        Assert.Equal("Lambda.Unknown", (string?)JsonNode.Parse(start.Out)!["error"]);
        Assert.Equal(0, resume.ExitCode);
        var resumed = JsonNode.Parse(resume.Out)!;
        Assert.Equal("Parallel 2", (string?)resumed["resumeState"]);
        Assert.Equal("SUCCEEDED", (string?)resumed["execution"]!["status"]);
    }

    [Fact]
    public async Task EndpointUrl_NotHttp_IsAUserError()
    {
        var run = await CliRunner.RunAsync("executions", "--endpoint-url", "ftp://example");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not an http(s) URL", run.Error, StringComparison.Ordinal);
    }
}
