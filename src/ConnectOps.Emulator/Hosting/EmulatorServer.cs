using System.Net;
using ConnectOps.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectOps.Emulator;

/// <summary>
/// The emulator, hosted in-process (tests, Start-ConnectEmulator) or by Program (command line).
/// Binds to 127.0.0.1 only; port 0 picks a free port, reported by <see cref="BaseAddress"/>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmulatorServer(WebApplication app, EmulatorRuntime runtime, Uri baseAddress)
    {
        this.app = app;
        Runtime = runtime;
        BaseAddress = baseAddress;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:4599/.</summary>
    public Uri BaseAddress { get; }

    internal EmulatorRuntime Runtime { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runtime = new EmulatorRuntime(options);
        var pipeline = new RequestPipeline(runtime);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        return new EmulatorServer(app, runtime, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Completes when the host is asked to stop.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
