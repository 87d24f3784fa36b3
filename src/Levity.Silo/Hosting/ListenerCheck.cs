using System.Net;
using System.Net.Sockets;
using Levity.Silo.Configuration;

namespace Levity.Silo.Hosting;

/// <summary>
/// Before anything starts (and before the database is touched): can every configured port be
/// listened on? A port taken by another server then costs one line instead of a half-started
/// server whose database was already opened and migrated. Kestrel's own failure, for a port taken
/// between this check and the start, is still reported.
/// </summary>
internal static class ListenerCheck
{
    /// <summary>Null when every listener can bind now; otherwise one line naming the flag, address and port.</summary>
    public static string? FindProblem(LevityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listeners = new List<(string Flag, string Host, int Port)> { ("--port", options.Host, options.Port) };
        if (options.TlsPort is { } tlsPort)
        {
            listeners.Add(("--tls-port", options.Host, tlsPort));
        }

        if (options.MetricsPort is { } metricsPort)
        {
            listeners.Add(("--metrics-port", options.Host, metricsPort));
        }

        if (options.ApiPort is { } apiPort)
        {
            listeners.Add(("--api-port", options.ApiHost, apiPort));
        }

        // The silo endpoint is on loopback (SiloConfiguration).
        listeners.Add(("--silo-port", "127.0.0.1", options.SiloPort));
        foreach (var (flag, host, port) in listeners)
        {
            if (Check(flag, host, port) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Check(string flag, string host, int port)
    {
        IPAddress[] addresses;
        try
        {
            addresses = Addresses(host);
        }
        catch (SocketException e)
        {
            return $"{HostFlag(flag)}: cannot resolve '{host}' ({e.SocketErrorCode}).";
        }

        // Port 0 too: binding it still proves the address is one of this machine's.
        foreach (var address in addresses)
        {
            try
            {
                using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => $"{flag}: port {port} on {address} is already in use (another Levity, or another server?).",
                    SocketError.AccessDenied => $"{flag}: not allowed to listen on port {port} (ports below 1024 need CAP_NET_BIND_SERVICE).",
                    SocketError.AddressNotAvailable => $"{HostFlag(flag)}: {address} is not an address of this machine.",
                    _ => $"{flag}: cannot listen on {address}:{port} ({e.SocketErrorCode}).",
                };
            }
        }

        return null;
    }

    private static string HostFlag(string portFlag) => portFlag == "--api-port" ? "--api-host" : "--host";

    /// <summary>"localhost": Kestrel binds IPv4 and IPv6 loopback and needs only one of them.</summary>
    public static bool IsLocalhost(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>The addresses a listener on <paramref name="host"/> binds (for localhost, the one that must succeed).</summary>
    public static IPAddress[] Addresses(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return [address];
        }

        return IsLocalhost(host) ? [IPAddress.Loopback] : Dns.GetHostAddresses(host);
    }
}
