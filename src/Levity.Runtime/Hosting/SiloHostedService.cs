using Microsoft.Extensions.Hosting;

namespace Levity.Runtime.Hosting;

/// <summary>
/// Starts the silo with the host and stops it gracefully with the host's shutdown token
/// (<c>HostOptions.ShutdownTimeout</c> bounds the drain). In an ASP.NET Core app the server is
/// registered after it, so the server stops first and the silo then drains the calls in flight.
/// </summary>
internal sealed class SiloHostedService(Silo silo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
