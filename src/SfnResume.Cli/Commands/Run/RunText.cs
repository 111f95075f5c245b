using SfnResume.Cli.Infrastructure;
using SfnResume.Core.History;
using SfnResume.Engine;

namespace SfnResume.Cli.Commands.Run;

/// <summary>How a run ended, for people: status, output or error, the states taken, how long it took.</summary>
internal static class RunText
{
    private const int PathShown = 12;

    public static void Write(TextWriter o, Style s, ExecutionResult result, TimeSpan elapsed)
    {
        var status = result.Status == ExecutionResult.Succeeded ? s.Green(result.Status) : s.Red(result.Status);
        o.WriteLine($"{s.Bold("Status")}   {status}");
        if (result.Output is not null)
        {
            o.WriteLine($"{s.Bold("Output")}   {JsonOutput.Abbreviate(result.Output)}");
        }

        if (result.Error is not null)
        {
            o.WriteLine($"{s.Bold("Error")}    {s.Red(result.Error)}");
        }

        if (!string.IsNullOrEmpty(result.Cause))
        {
            o.WriteLine($"{s.Bold("Cause")}    {JsonOutput.Abbreviate(result.Cause)}");
        }

        var entered = result.Events
            .Where(e => e.StateEnteredEventDetails is not null)
            .Select(e => e.StateEnteredEventDetails!.Name)
            .ToList();
        var path = entered.Count <= PathShown
            ? string.Join(" → ", entered)
            : string.Join(" → ", entered.Take(PathShown / 2)) + $" → … ({entered.Count - PathShown} more) → " + string.Join(" → ", entered.TakeLast(PathShown / 2));
        o.WriteLine($"{s.Bold("Path")}     {path}");
        o.WriteLine($"{s.Bold("Took")}     {FormatDuration(elapsed)} ({result.StatesEntered} states entered, {result.Events.Count} events)");
    }

    private static string FormatDuration(TimeSpan elapsed) =>
        elapsed.TotalSeconds >= 1 ? $"{elapsed.TotalSeconds:0.00} s" : $"{elapsed.TotalMilliseconds:0.0} ms";
}
