using System.Text.Json.Nodes;
using SfnResume.Api.Contracts;
using SfnResume.Cli.Infrastructure;
using SfnResume.Core.History;
using SfnResume.Local;

namespace SfnResume.Cli.Commands.Start;

/// <summary>How an execution's progress and outcome are shown, shared by start, resume and demo.</summary>
internal static class ExecutionReport
{
    public static int ExitCode(DescribeExecutionResponse execution) =>
        execution.Status == ExecutionStatuses.Succeeded ? ExitCodes.Success
        : execution.Status == ExecutionStatuses.Running ? ExitCodes.Success
        : ExitCodes.ExecutionFailed;

    /// <summary>
    /// Progress on stderr: one line rewritten in place at a terminal, one plain line per state entered otherwise.
    /// Called on the engine's thread, hence the lock.
    /// </summary>
    public static Action<ExecutionProgress> Progress(TextWriter error)
    {
        var live = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var gate = new Lock();
        var entered = 0;
        return progress =>
        {
            if (progress.Event.StateEnteredEventDetails is not { } state)
            {
                return;
            }

            lock (gate)
            {
                entered++;
                if (live)
                {
                    error.Write($"\r\u001b[2K  running: {state.Name} ({entered} states entered)");
                }
                else
                {
                    error.WriteLine($"  entered {state.Name}");
                }
            }
        };
    }

    /// <summary>Clears the live progress line, at a terminal.</summary>
    public static void EndProgress(TextWriter error)
    {
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
        {
            error.Write("\r\u001b[2K");
        }
    }

    public static void Write(TextWriter o, Style s, DescribeExecutionResponse execution)
    {
        var status = execution.Status == ExecutionStatuses.Succeeded ? s.Green(execution.Status)
            : execution.Status == ExecutionStatuses.Running ? s.Yellow(execution.Status)
            : s.Red(execution.Status);
        o.WriteLine($"{s.Bold("Execution")} {execution.Name} {status}");
        if (execution.Error is not null)
        {
            o.WriteLine($"  error: {s.Red(execution.Error)}");
        }

        if (!string.IsNullOrEmpty(execution.Cause))
        {
            o.WriteLine($"  cause: {JsonOutput.Abbreviate(execution.Cause)}");
        }

        if (execution.Output is not null)
        {
            o.WriteLine($"  output: {s.Cyan(JsonOutput.Abbreviate(execution.Output))}");
        }

        if (execution.StopDate is { } stop)
        {
            o.WriteLine($"  took: {(stop - execution.StartDate).TotalMilliseconds:0} ms");
        }

        o.WriteLine($"  arn: {execution.ExecutionArn}");
    }

    public static JsonObject ToJson(DescribeExecutionResponse e) => new()
    {
        ["executionArn"] = e.ExecutionArn,
        ["stateMachineArn"] = e.StateMachineArn,
        ["name"] = e.Name,
        ["status"] = e.Status,
        ["startDate"] = e.StartDate,
        ["stopDate"] = e.StopDate,
        ["input"] = JsonOutput.ParseOrText(e.Input),
        ["output"] = JsonOutput.ParseOrText(e.Output),
        ["error"] = e.Error,
        ["cause"] = e.Cause,
        ["redriveCount"] = e.RedriveCount,
    };

    /// <summary>How many events of <paramref name="type"/> a history holds.</summary>
    public static int Count(IEnumerable<HistoryEvent> history, HistoryEventType type) => history.Count(e => e.Type == type);

    /// <summary>How many times a history entered the state called <paramref name="name"/>.</summary>
    public static int Entered(IEnumerable<HistoryEvent> history, string name) =>
        history.Count(e => e.StateEnteredEventDetails?.Name == name);
}
