using System.Net;
using System.Net.Sockets;

namespace Levity.Tests.Support;

internal static class Ports
{
    /// <summary>A loopback port free right now (for listeners that need a fixed port up front).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
