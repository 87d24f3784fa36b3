using Levity.Silo.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Tests.Security.Support;

/// <summary>
/// One secure server shared by a test class (each test uses its own charger ids). Every refused
/// handshake comes from 127.0.0.1, so the throttle is set to never slow these tests down; it has
/// tests of its own.
/// </summary>
public sealed class SecureServerFixture : IAsyncLifetime
{
    internal SecureServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SecureServer.StartAsync(configureServices: s => s.AddSingleton(new AuthenticationThrottle(TimeProvider.System) { FreeFailures = int.MaxValue }));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
