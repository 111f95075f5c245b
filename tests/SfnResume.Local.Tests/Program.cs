namespace SfnResume.Local.Tests;

/// <summary>
/// Entry point of the test assembly when run with <c>dotnet exec</c>: <c>crash-child DIR COUNT</c> is the child
/// of <see cref="DurabilityTests"/>; <c>bench DIR COUNT</c> measures starting and completing Pass executions
/// (figures printed, never asserted). Under the test runner this is not called.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "crash-child")
        {
            await CrashChild.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        if (args.Length == 3 && args[0] == "bench")
        {
            await ThroughputRun.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }

        await Console.Error.WriteLineAsync("usage: crash-child DIR COUNT | bench DIR COUNT");
        return 2;
    }
}
