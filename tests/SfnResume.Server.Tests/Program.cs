using System.Globalization;

namespace SfnResume.Server.Tests;

/// <summary>
/// Entry point of the test assembly when run with <c>dotnet exec</c>: <c>bench COUNT CONCURRENCY [RATE]</c> measures
/// StartExecution over HTTP (figures printed, never asserted). Under the test runner this is not called.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length is 3 or 4 && args[0] == "bench")
        {
            await StartExecutionLoad.RunAsync(
                int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture),
                args.Length == 4 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
            return 0;
        }

        await Console.Error.WriteLineAsync("usage: bench COUNT CONCURRENCY [RATE]");
        return 2;
    }
}
