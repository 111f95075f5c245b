using SfnResume.Local;
using SfnResume.Server;

namespace SfnResume.LoadTest;

/// <summary><c>sfn-resume serve</c>'s parts in this process: the local engine on a temporary state directory behind the server.</summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly LocalStepFunctions _local;
    private readonly SfnServer _server;

    private InProcessServer(string directory, LocalStepFunctions local, SfnServer server)
    {
        _directory = directory;
        _local = local;
        _server = server;
    }

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<InProcessServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("sfn-resume-load-").FullName;
        var local = LocalStepFunctions.Open(directory);
        var server = new SfnServer(local, new SfnServerOptions { Port = 0 });
        await server.StartAsync().ConfigureAwait(false);
        return new InProcessServer(directory, local, server);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _local.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(_directory, recursive: true);
    }
}
