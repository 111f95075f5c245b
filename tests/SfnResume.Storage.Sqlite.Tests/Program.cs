namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>
/// Entry point of the test assembly when run with <c>dotnet exec</c>: <c>crash-writer DIR full|normal</c> is the child of
/// <see cref="CrashTests"/>, <c>bench DIR</c> measures appends and starts (figures printed, never asserted).
/// Under the test runner this is not called.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "crash-writer")
        {
            CrashWriter.Run(args[1], args[2] == "normal" ? SqliteDurability.Normal : SqliteDurability.Full);
            return 0;
        }

        if (args.Length >= 2 && args[0] == "bench")
        {
            StoreBenchmark.Run(args[1], args.Length > 2 ? args[2] : "full");
            return 0;
        }

        Console.Error.WriteLine("usage: crash-writer DIR full|normal | bench DIR [full|normal]");
        return 2;
    }
}
