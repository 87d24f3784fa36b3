using System.Net;
using System.Net.Sockets;
using Levity.Grains.ChargePoints;
using Levity.Grains.LoadManagement;
using Levity.Ocpp;
using Levity.Silo.Configuration;
using Orleans.Configuration;

namespace Levity.Silo.Hosting;

/// <summary>
/// The Orleans silo co-hosted with Kestrel: one silo with localhost (development) clustering by
/// default, its endpoint on loopback only, no client gateway (the WebSocket front end runs in the
/// silo's own process), cluster and service ids from the options so that more silos can join later.
/// </summary>
internal static class SiloConfiguration
{
    public static void Configure(ISiloBuilder silo, LevityOptions options)
    {
        silo.UseLocalhostClustering(
            siloPort: options.SiloPort == 0 ? FreeLoopbackPort() : options.SiloPort,
            gatewayPort: 0,
            serviceId: options.ServiceId,
            clusterId: options.ClusterId);
        silo.Configure<SiloMessagingOptions>(m => m.ResponseTimeout = CallTimeout(TimeSpan.FromSeconds(options.ResponseTimeout)));
        silo.AddChargePointGrains(cp => cp.HeartbeatInterval = TimeSpan.FromSeconds(options.HeartbeatInterval));
        silo.AddLoadManagement(load =>
        {
            load.Rotation = TimeSpan.FromMinutes(options.LoadRotation);
            load.Lease = TimeSpan.FromMinutes(options.LoadLease);
            load.Margin = options.LoadMargin;
            load.OverdrawTolerance = options.LoadOverdrawTolerance;
            load.OverdrawAfter = TimeSpan.FromSeconds(options.LoadOverdrawAfter);
        });
    }

    /// <summary>
    /// Orleans' own time limit for a grain call. A server-initiated OCPP call waits at most
    /// --response-timeout for its answer once sent, after waiting its turn behind the calls queued
    /// before it; that session queue decides when a call to a charger times out (with an OCPP
    /// timeout error naming the action), so Orleans' limit sits above the longest legitimate wait
    /// instead of cutting calls off at its 30 s default.
    /// </summary>
    public static TimeSpan CallTimeout(TimeSpan responseTimeout)
    {
        var longest = responseTimeout * (new OcppProtocolOptions().MaxQueuedCalls + 1) + TimeSpan.FromSeconds(5);
        return longest > TimeSpan.FromSeconds(30) ? longest : TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// A port free on loopback now (for --silo-port 0: tests and side-by-side servers). Orleans
    /// must know its port before it binds, so this cannot be the kernel's pick at bind time; it is
    /// drawn below Linux's ephemeral range (32768-60999), where the kernel's own picks for outgoing
    /// connections cannot take it again before Orleans binds it.
    /// </summary>
    private static int FreeLoopbackPort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        using var any = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        any.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)any.LocalEndPoint!).Port;
    }
}
