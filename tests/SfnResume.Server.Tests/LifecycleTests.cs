using SfnResume.Local;

namespace SfnResume.Server.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void By_default_the_server_listens_on_loopback_port_8083_without_auth()
    {
        var options = new SfnServerOptions();
        Assert.Equal(("127.0.0.1", 8083, false), (options.Host, options.Port, options.RequireAuth));
    }

    [Fact]
    public async Task Port_zero_reports_the_bound_loopback_port_and_stopping_closes_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sfn-server-" + Guid.NewGuid().ToString("N"));
        await using var local = LocalStepFunctions.Open(directory);
        var server = new SfnServer(local, new SfnServerOptions { Port = 0 });
        await server.StartAsync();
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var (status, _, _) = await RawRequests.SendAsync(http, "AWSStepFunctions.ListStateMachines", "{}");
        Assert.Equal(200, status);

        await server.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => RawRequests.SendAsync(http, "AWSStepFunctions.ListStateMachines", "{}"));
        await server.DisposeAsync();
    }
}
