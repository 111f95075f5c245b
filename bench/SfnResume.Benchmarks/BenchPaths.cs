using System.Diagnostics;

namespace SfnResume.Benchmarks;

/// <summary>Finds the shared folder beside the checkout and generated inputs under the artifacts folder.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>
    /// A failed history of <paramref name="events"/> events written by the shared generator (stdlib Python),
    /// cached beside the benchmark artifacts; with its definition as <c>.asl.json</c>.
    /// </summary>
    public static string GeneratedHistory(int events)
    {
        var dir = Path.Combine(Root, "BenchmarkDotNet.Artifacts", "inputs");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"history-{events}.json");
        if (!File.Exists(path))
        {
            var start = new ProcessStartInfo("python3", [Path.Combine(Shared, "tools", "gen_history.py"), events.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("gen_history.py failed");
            }
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SfnResume.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SfnResume.slnx not found above " + AppContext.BaseDirectory);
    }
}
