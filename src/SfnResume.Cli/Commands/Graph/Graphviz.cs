using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Graph;

/// <summary>Turns DOT into SVG with Graphviz's <c>dot</c> (https://graphviz.org/doc/info/command.html), when installed.</summary>
internal static class Graphviz
{
    public const string Missing = "--format svg needs Graphviz's 'dot' on PATH: install it (apt-get install graphviz, brew install graphviz) or use --format mermaid or dot";

    /// <param name="searchPath">The PATH to look for <c>dot</c> in.</param>
    public static string RenderSvg(string dot, string? searchPath)
    {
        var exe = Find(searchPath) ?? throw new CliUserException(Missing);
        var start = new ProcessStartInfo(exe, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        try
        {
            using var process = Process.Start(start) ?? throw new CliUserException($"could not start '{exe}'");
            // Read both streams while writing, so a large picture cannot fill a pipe and stall both sides.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var first = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
                throw new CliUserException($"'{exe} -Tsvg' failed (exit code {process.ExitCode}): {first}");
            }

            return stdout.Result;
        }
        catch (Win32Exception ex)
        {
            throw new CliUserException($"could not run '{exe}': {ex.Message}");
        }
    }

    /// <summary>The first <c>dot</c> (<c>dot.exe</c> on Windows) in <paramref name="searchPath"/>, or null.</summary>
    public static string? Find(string? searchPath)
    {
        var name = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        return (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
