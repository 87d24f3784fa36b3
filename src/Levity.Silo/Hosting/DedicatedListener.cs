using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Levity.Silo.Hosting;

/// <summary>
/// The Kestrel listen options of a listener of its own (--metrics-port, --api-port). Its endpoints answer only
/// connections that arrived on one of these: the local port is checked, not the Host header,
/// which a charger on the OCPP port could set to anything.
/// </summary>
public sealed class DedicatedListener
{
    private readonly List<ListenOptions> _listeners = [];

    /// <summary>Called from the Kestrel listen callback of the metrics port.</summary>
    public void Add(ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        lock (_listeners)
        {
            _listeners.Add(listenOptions);
        }
    }

    /// <summary>The bound ports (Kestrel replaces a port 0 endpoint with the one it bound).</summary>
    public IReadOnlyList<int> Ports
    {
        get
        {
            lock (_listeners)
            {
                return [.. _listeners.Select(l => l.EndPoint).OfType<IPEndPoint>().Select(e => e.Port).Distinct()];
            }
        }
    }

    public bool Accepts(int localPort)
    {
        lock (_listeners)
        {
            foreach (var listener in _listeners)
            {
                if (listener.EndPoint is IPEndPoint endPoint && endPoint.Port == localPort)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
