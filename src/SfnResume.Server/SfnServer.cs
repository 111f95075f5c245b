using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SfnResume.Api;

namespace SfnResume.Server;

/// <summary>
/// The Step Functions API over HTTP, as AWS serves it (awsJson1_0: <c>POST /</c>, <c>X-Amz-Target</c>), so the AWS
/// SDKs and CLI can use any <see cref="IStepFunctionsApi"/> (the local engine) by endpoint URL.
/// </summary>
public sealed class SfnServer : IAsyncDisposable
{
    private readonly IStepFunctionsApi _api;
    private readonly SfnServerOptions _options;
    private WebApplication? _app;

    public SfnServer(IStepFunctionsApi api, SfnServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _options = options ?? new SfnServerOptions();
    }

    /// <summary>The bound address (<c>http://127.0.0.1:8083</c>), known after <see cref="StartAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The handler enforces the limit itself so that an oversized body gets AWS's error shape.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(ResolveAddress(_options.Host), _options.Port);
        });
        var app = builder.Build();
        var handler = new SfnRequestHandler(_api, _options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SfnServer>());
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(ct).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static IPAddress ResolveAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        _ => IPAddress.TryParse(host, out var address)
            ? address
            : Dns.GetHostAddresses(host).FirstOrDefault()
                ?? throw new ArgumentException($"Cannot resolve host '{host}'.", nameof(host)),
    };
}
