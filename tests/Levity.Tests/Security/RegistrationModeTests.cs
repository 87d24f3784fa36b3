using System.Net;
using System.Text;
using Levity.Silo.Security;
using Levity.Tests.Security.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Levity.Tests.Security;

/// <summary>--charger-registration known, the start-up warning, and the throttle on a real server.</summary>
public sealed class RegistrationModeTests
{
    [Fact]
    public async Task Known_UnknownId404BeforeUpgrade_RegisteredConnects_RemovedRefusedAgain()
    {
        await using var server = await SecureServer.StartAsync(o => o.ChargerRegistration = "known");

        Assert.Equal(HttpStatusCode.NotFound, await server.RefusedAsync(server.Ws("KN-1")));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Api.GetAsync(new Uri("/api/registry/KN-1", UriKind.Relative))).StatusCode);

        await server.RegisterAsync("KN-1", "{}");
        await using (var cp = await server.ConnectAsync(server.Ws("KN-1")))
        {
            await cp.CallOkAsync("Heartbeat", new { });
        }

        using var removed = await server.Api.DeleteAsync(new Uri("/api/registry/KN-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await server.RefusedAsync(server.Ws("KN-1")));
    }

    [Fact]
    public async Task Start_BeyondLoopbackOpenAndNoCredentials_Warns()
    {
        var log = new LogCapture();
        await using var server = await SecureServer.StartAsync(o => o.Host = "0.0.0.0", s => s.AddSingleton<ILoggerProvider>(log));

        Assert.True(log.Has(803), log.AllText);
    }

    [Fact]
    public async Task Start_KnownRegistration_NoWarning()
    {
        var log = new LogCapture();
        await using var server = await SecureServer.StartAsync(
            o =>
            {
                o.Host = "0.0.0.0";
                o.ChargerRegistration = "known";
            },
            s => s.AddSingleton<ILoggerProvider>(log));

        Assert.False(log.Has(803), log.AllText);
    }

    [Fact]
    public async Task RepeatedFailuresFromOneAddress_FurtherAttemptsSlowedDownAndLogged()
    {
        var log = new LogCapture();
        await using var server = await SecureServer.StartAsync(configureServices: s =>
        {
            s.AddSingleton<ILoggerProvider>(log);
            s.AddSingleton(new AuthenticationThrottle(TimeProvider.System) { FreeFailures = 2, FirstDelay = TimeSpan.FromMilliseconds(20) });
        });
        await server.RegisterAsync("TH-1", """{"securityProfile":1,"password":"0123456789abcdef"}""");

        for (var i = 0; i < 3; i++)
        {
            Assert.False(log.Has(802), log.AllText);
            Assert.Equal(HttpStatusCode.Unauthorized, await server.RefusedAsync(server.Ws("TH-1"), "TH-1", Encoding.UTF8.GetBytes("wrong-guess-" + i + "-xxxx")));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await server.RefusedAsync(server.Ws("TH-1"), "TH-1", Encoding.UTF8.GetBytes("wrong-guess-last-xxx")));
        Assert.True(log.Has(802), log.AllText);
        Assert.Contains(log.Entries, e => e.EventId == 800 && e.Text.Contains("127.0.0.1", StringComparison.Ordinal) && e.Text.Contains("wrong_password", StringComparison.Ordinal));
    }
}
