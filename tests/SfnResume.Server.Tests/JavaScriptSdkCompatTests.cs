using System.Diagnostics;
using SfnResume.Testing;

namespace SfnResume.Server.Tests;

/// <summary>
/// The AWS SDK for JavaScript v3 against the server: tests/compat/sdk-v3.mjs creates a machine, runs it, pages the
/// history and checks error types, signing every request (checked here, with auth required).
/// </summary>
public sealed class JavaScriptSdkCompatTests
{
    [Fact]
    public async Task The_JavaScript_v3_SDK_runs_a_machine_pages_history_and_reads_errors()
    {
        var compat = RepoPaths.InRoot("tests", "compat");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        if (!Directory.Exists(Path.Combine(compat, "node_modules", "@aws-sdk", "client-sfn")))
        {
            var install = File.Exists(Path.Combine(compat, "package-lock.json")) ? "ci" : "install";
            var (npmExit, npmOutput) = await RunAsync("npm", [install, "--no-audit", "--no-fund"], compat, new Dictionary<string, string>(), timeout.Token);
            Assert.True(npmExit == 0, $"npm {install} failed:\n{npmOutput}");
        }

        await using var h = await ServerHarness.StartAsync(requireAuth: true);
        var (exit, output) = await RunAsync("node", ["sdk-v3.mjs"], compat, new Dictionary<string, string>
        {
            ["SFN_ENDPOINT"] = h.Server.BaseAddress.ToString().TrimEnd('/'),
            ["SFN_ACCESS_KEY"] = ServerHarness.AccessKey,
            ["SFN_SECRET_KEY"] = ServerHarness.SecretKey,
        }, timeout.Token);
        Assert.True(exit == 0, "sdk-v3.mjs failed:\n" + output);
        Assert.Contains("ok: ", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string directory,
        IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
