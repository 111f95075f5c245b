using System.Diagnostics;
using System.Globalization;

namespace SfnResume.Storage.Sqlite.Tests;

/// <summary>
/// A writer process killed with SIGKILL while appending leaves a database that opens cleanly (integrity "ok",
/// migrations not rerun), keeps every batch it reported committed, and holds no part of a batch.
/// </summary>
public sealed class CrashTests
{
    // NORMAL too: a killed process loses nothing the OS already holds; only an OS crash separates it from FULL.
    [Theory]
    [InlineData("full")]
    [InlineData("normal")]
    public async Task KilledWriter_ReopenedStore_HasEveryReportedBatchAndNoPartialOne(string durability)
    {
        using var dir = new TempDirectory();
        var reported = new Dictionary<string, long>(StringComparer.Ordinal);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CrashTests).Assembly.Location);
        start.ArgumentList.Add("crash-writer");
        start.ArgumentList.Add(dir.Path);
        start.ArgumentList.Add(durability);

        using var child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var committedLines = 0;
        try
        {
            // Wait until several rounds have been reported, then kill at whatever point the writer has reached.
            while (committedLines < 5 * CrashWriter.Executions)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("writer exited early: " + await child.StandardError.ReadToEndAsync(timeout.Token));
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ');
                    reported[parts[1]] = long.Parse(parts[2], CultureInfo.InvariantCulture);
                    committedLines++;
                }
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL on Unix: no managed cleanup, no SQLite close.
            await child.WaitForExitAsync(timeout.Token);
        }

        Assert.NotEqual(0, child.ExitCode);
        Assert.True(File.Exists(dir.DatabasePath + "-wal"), "the writer was killed with a live WAL");

        using var store = SqliteStore.Open(dir.Path);
        Assert.Equal("ok", store.CheckIntegrity());
        Assert.Equal(CrashWriter.Executions, reported.Count);
        foreach (var (arn, lastReported) in reported)
        {
            var last = store.GetLastEventId(arn);
            Assert.True(last >= lastReported, $"{arn}: reported {lastReported} committed, found {last}");
            Assert.Equal(0, last % CrashWriter.BatchSize);
            var history = store.GetHistory(arn); // ids 1..N without gaps, or it throws
            Assert.Equal(last, history.Count);
        }
    }
}
