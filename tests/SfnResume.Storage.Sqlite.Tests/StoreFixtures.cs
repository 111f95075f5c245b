using SfnResume.Api;
using SfnResume.Core.History;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>A temporary state directory, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sfn-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "state.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process of the crash test may still be releasing the file; the OS cleans temp later.
        }
    }
}

/// <summary>Builders for machines, executions and events used across the store tests.</summary>
internal static class StoreFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public const string Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""";

    public const string Role = "arn:aws:iam::123456789012:role/sfn";

    public static string MachineArn(string name) => Arns.StateMachine(ArnScope.Local, name);

    public static string ExecutionArn(string machine, string name) => Arns.Execution(ArnScope.Local, machine, name);

    public static NewStateMachine Machine(string name, string definition = Definition) => new()
    {
        Arn = MachineArn(name),
        Name = name,
        Definition = definition,
        RoleArn = Role,
        RevisionId = "rev-" + name,
        CreationDate = T0,
    };

    public static NewExecution Execution(string machine, string name, string input = "{}", DateTimeOffset? start = null) => new()
    {
        Arn = ExecutionArn(machine, name),
        StateMachineArn = MachineArn(machine),
        Name = name,
        Input = input,
        StartDate = start ?? T0,
    };

    /// <summary>Events <paramref name="firstId"/>.. as PassStateEntered with an input of about <paramref name="size"/> bytes.</summary>
    public static List<HistoryEvent> Events(long firstId, int count, int size = 100)
    {
        var padding = new string('x', Math.Max(0, size - 60));
        var events = new List<HistoryEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            events.Add(new HistoryEvent
            {
                Id = id,
                PreviousEventId = id - 1,
                Timestamp = T0.AddMilliseconds(id),
                Type = HistoryEventType.PassStateEntered,
                StateEnteredEventDetails = new StateEnteredEventDetails { Name = "A", Input = $$"""{"n":{{id}},"pad":"{{padding}}"}""" },
            });
        }

        return events;
    }

    public static SqliteStore CreateWithMachine(string directory, string machine = "m")
    {
        var store = SqliteStore.Open(directory);
        store.CreateStateMachine(Machine(machine));
        return store;
    }
}
