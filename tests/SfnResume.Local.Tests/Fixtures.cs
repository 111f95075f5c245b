using SfnResume.Api.Contracts;
using SfnResume.Core.History;

namespace SfnResume.Local.Tests;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sfn-local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold the files for a moment; the OS cleans temp later.
        }
    }
}

internal static class Fixtures
{
    public const string Role = "arn:aws:iam::123456789012:role/test";

    public static readonly CancellationToken None = CancellationToken.None;

    public const string ThreePasses = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
          "C":{"Type":"Pass","Result":3,"ResultPath":"$.c","End":true}}}
        """;

    public const string WaitTen = """
        {"StartAt":"Hold","States":{
          "Hold":{"Type":"Wait","Seconds":10,"Next":"Done"},
          "Done":{"Type":"Pass","Result":"done","End":true}}}
        """;

    public static async Task<string> CreateAsync(LocalStepFunctions api, string name, string definition, string type = StateMachineType.Standard) =>
        (await api.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = Role, Type = type }, None)).StateMachineArn;

    public static async Task<string> StartAsync(LocalStepFunctions api, string machineArn, string? name = null, string input = "{}") =>
        (await api.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input }, None)).ExecutionArn;

    public static async Task<List<HistoryEvent>> HistoryAsync(LocalStepFunctions api, string executionArn)
    {
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = await api.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, NextToken = token, MaxResults = 1000 }, None);
            events.AddRange(page.Events);
            token = page.NextToken;
        }
        while (token is not null);
        return events;
    }

    public static void AssertContiguous(IReadOnlyList<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1L, events[i].Id);
            Assert.True(events[i].PreviousEventId < events[i].Id, $"event {events[i].Id} points forward");
        }
    }
}
