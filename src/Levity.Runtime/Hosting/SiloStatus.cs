namespace Levity.Runtime.Hosting;

internal enum SiloStatus
{
    Created,
    Running,

    /// <summary>Stopping, phase 1: calls from outside grains are refused; queued and running calls finish.</summary>
    Draining,

    /// <summary>Stopping, phase 2: every activation deactivates; no new activation is created.</summary>
    Deactivating,
    Stopped,
}
