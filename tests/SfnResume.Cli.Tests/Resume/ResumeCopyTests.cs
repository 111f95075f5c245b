using System.Text.Json.Nodes;
using Amazon.Runtime;
using SfnResume.Api;
using SfnResume.Api.Contracts;
using SfnResume.Aws;
using SfnResume.Cli.Commands.Resume;
using SfnResume.Cli.Tests.Store;
using SfnResume.Local;
using SfnResume.Server;

namespace SfnResume.Cli.Tests.Resume;

/// <summary>
/// The <c>-with-GoToState</c> copy is made like the original: role, type, logging and tracing as the failed
/// execution ran with, on create and on update, and a tag naming the failed execution; the same on the embedded
/// store and through the HTTP API.
/// </summary>
public sealed class ResumeCopyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly LoggingConfiguration ErrorsToLogs = new()
    {
        Level = LogLevel.Error,
        IncludeExecutionData = true,
        Destinations = [new LogDestination { CloudWatchLogsLogGroup = new CloudWatchLogsLogGroup { LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:orders:*" } }],
    };

    private static readonly LoggingConfiguration AllToLogs = ErrorsToLogs with { Level = LogLevel.All, IncludeExecutionData = false };

    private readonly StateDirFixture _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Resume_OnTheEmbeddedStore_CopiesLoggingTracingAndTagsOnCreateAndUpdate()
    {
        var machine = await DeploySeedAsync();
        await RunScenarioAsync(machine, _dir.RunAsync, async inspect =>
        {
            await using var local = LocalStepFunctions.Open(_dir.StateDir);
            await inspect(local);
        });
    }

    [Fact]
    public async Task Resume_ThroughTheHttpApi_CopiesLoggingTracingAndTagsOnCreateAndUpdate()
    {
        var machine = await DeploySeedAsync();
        await using var local = LocalStepFunctions.Open(_dir.StateDir);
        await using var server = new SfnServer(local, new SfnServerOptions { Port = 0 });
        await server.StartAsync();
        var url = server.BaseAddress.ToString();
        using var client = new StepFunctionsClient(new StepFunctionsClientOptions
        {
            Endpoint = server.BaseAddress,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            MaxAttempts = 1,
        });
        await RunScenarioAsync(machine, args => CliRunner.RunAsync([.. args, "--endpoint-url", url]), inspect => inspect(client));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(600)]
    public void ResumedFromTag_AnyArnLength_FitsTagValuesAndReadsBack(int length)
    {
        var prefix = "arn:aws:states:us-east-1:123456789012:express:m:";
        var arn = prefix + new string('x', length - prefix.Length);

        var tags = ResumedFromTag.For(arn);

        Assert.All(tags, t => Assert.InRange(t.Value!.Length, 1, ResumedFromTag.MaxValueLength));
        Assert.Equal(ResumedFromTag.Key, tags[0].Key);
        Assert.Equal((length + 255) / 256, tags.Count);
        Assert.Equal(arn, ResumedFromTag.Read(tags));
        Assert.Null(ResumedFromTag.Read([new Tag { Key = "team", Value = "x" }]));
    }

    [Fact]
    public void ResumedFromTag_ShorterArnAfterALongOne_NamesTheLeftoverPartsToRemove()
    {
        var longTags = ResumedFromTag.For(new string('a', 600));
        var shortTags = ResumedFromTag.For("arn:aws:states:us-east-1:123456789012:execution:m:e");

        var stale = ResumedFromTag.StaleKeys([.. longTags, new Tag { Key = "team", Value = "x" }], shortTags);

        Assert.Equal([ResumedFromTag.Key + ":2", ResumedFromTag.Key + ":3"], stale);
    }

    /// <summary>Deploys the seed's template and returns its state machine's ARN.</summary>
    private async Task<string> DeploySeedAsync()
    {
        var deploy = await _dir.RunAsync("deploy", StateDirFixture.SeedTemplate, "--output", "json");
        Assert.Equal(0, deploy.ExitCode);
        return (string)JsonNode.Parse(deploy.Out)!["resources"]!.AsArray()
            .Single(r => (string?)r!["logicalId"] == "ResumeFromStateExample")!["arn"]!;
    }

    /// <summary>
    /// The original gets logging and tracing, fails, and is resumed (the copy is created); then its logging changes,
    /// it fails again and is resumed again (the copy is updated, and its tag names the second failure).
    /// </summary>
    private static async Task RunScenarioAsync(string machine, Func<string[], Task<CliRun>> cli, Func<Func<IStepFunctionsApi, Task>, Task> withApi)
    {
        await withApi(api => api.UpdateStateMachineAsync(new UpdateStateMachineRequest
        {
            StateMachineArn = machine,
            LoggingConfiguration = ErrorsToLogs,
            TracingConfiguration = new TracingConfiguration { Enabled = true },
        }, None));

        var firstFailure = await FailAsync(cli, machine, "first-try");
        var first = await ResumeAsync(cli, firstFailure);
        Assert.Equal("created", (string?)first["copy"]);
        var copy = (string)first["copyStateMachineArn"]!;
        await withApi(async api =>
        {
            var original = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = machine }, None);
            var described = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = copy }, None);
            Assert.EndsWith("-with-GoToState", described.Name, StringComparison.Ordinal);
            Assert.Equal((original.RoleArn, original.Type), (described.RoleArn, described.Type));
            AssertLogging(ErrorsToLogs, described.LoggingConfiguration);
            Assert.True(described.TracingConfiguration?.Enabled);
            var tags = await api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = copy }, None);
            Assert.Equal(firstFailure, ResumedFromTag.Read(tags.Tags!));
        });

        await withApi(api => api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = machine, LoggingConfiguration = AllToLogs }, None));
        var secondFailure = await FailAsync(cli, machine, "second-try");
        var second = await ResumeAsync(cli, secondFailure);
        Assert.Equal("updated", (string?)second["copy"]);
        Assert.Equal(copy, (string?)second["copyStateMachineArn"]);
        await withApi(async api =>
        {
            var described = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = copy }, None);
            AssertLogging(AllToLogs, described.LoggingConfiguration);
            Assert.True(described.TracingConfiguration?.Enabled);
            var tags = await api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = copy }, None);
            Assert.Equal(secondFailure, ResumedFromTag.Read(tags.Tags!));
            Assert.Single(tags.Tags!);
        });
    }

    private static async Task<string> FailAsync(Func<string[], Task<CliRun>> cli, string machine, string name)
    {
        var start = await cli(["start", machine, "--name", name, "--input", StateDirFixture.SeedInput, "--output", "json"]);
        Assert.True(start.ExitCode == 1, start.Out + start.Error);
        return (string)JsonNode.Parse(start.Out)!["executionArn"]!;
    }

    private static async Task<JsonNode> ResumeAsync(Func<string[], Task<CliRun>> cli, string failedArn)
    {
        var resume = await cli(["resume", failedArn, "--patch", """{"foo":1}""", "--start", "--output", "json"]);
        Assert.True(resume.ExitCode == 0, resume.Out + resume.Error);
        var result = JsonNode.Parse(resume.Out)!;
        Assert.Equal("SUCCEEDED", (string?)result["execution"]!["status"]);
        return result;
    }

    private static void AssertLogging(LoggingConfiguration expected, LoggingConfiguration? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Level, expected.IncludeExecutionData), (actual.Level, actual.IncludeExecutionData));
        Assert.Equal(
            expected.Destinations!.Select(d => d.CloudWatchLogsLogGroup?.LogGroupArn),
            actual.Destinations?.Select(d => d.CloudWatchLogsLogGroup?.LogGroupArn) ?? []);
    }
}
