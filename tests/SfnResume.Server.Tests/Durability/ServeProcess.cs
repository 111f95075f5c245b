using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SfnResume.Testing;

namespace SfnResume.Server.Tests.Durability;

/// <summary>
/// The real <c>sfn-resume serve</c> process (the built Cli assembly run with <c>dotnet exec</c>), its output
/// collected, stopped only by <see cref="Kill"/> (SIGKILL: no shutdown code runs).
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// The Cli assembly of the configuration this test assembly was built in; the project reference in the test
    /// project (without its output assembly) makes sure it is built first.
    /// </summary>
    public static string CliAssembly
    {
        get
        {
            var configuration = typeof(ServeProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return RepoPaths.InRoot("src", "SfnResume.Cli", "bin", configuration, "net10.0", "sfn-resume.dll");
        }
    }

    /// <summary>The address the server reported, once it listens.</summary>
    public Task<Uri> Listening => _listening.Task;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>serve --port PORT --state-dir DIR</c> plus <paramref name="extraArgs"/>.</summary>
    public static ServeProcess Start(int port, string stateDir, params string[] extraArgs)
    {
        Assert.True(File.Exists(CliAssembly), "the Cli is not built: " + CliAssembly);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["exec", CliAssembly, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--state-dir", stateDir, .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        // No ambient endpoint or state directory may redirect the child.
        start.Environment.Remove("AWS_ENDPOINT_URL_SFN");
        start.Environment.Remove("AWS_ENDPOINT_URL");
        start.Environment.Remove("SFN_RESUME_STATE_DIR");

        var serve = new ServeProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        serve._process.OutputDataReceived += (_, e) => serve.OnLine(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.OnLine(e.Data);
        serve._process.Exited += (_, _) => serve._listening.TrySetException(
            new InvalidOperationException("serve exited before listening:\n" + serve.Output));
        serve._process.Start();
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"^Listening on (\S+) ")]
    private static partial Regex ListeningLine();
}
