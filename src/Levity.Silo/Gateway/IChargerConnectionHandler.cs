namespace Levity.Silo.Gateway;

/// <summary>What the gateway does with a connected charger; the OCPP layer implements it.</summary>
public interface IChargerConnectionHandler
{
    /// <summary>A session was accepted; <paramref name="replaced"/> is the session it replaced, if any.</summary>
    ValueTask OnConnectedAsync(ChargerSession session, ChargerSession? replaced, CancellationToken cancellationToken);

    /// <summary>
    /// One complete WebSocket message. <paramref name="frame"/> is only valid during the call (it
    /// is a pooled buffer). <paramref name="truncated"/> is true when the message exceeded the
    /// frame limit: <paramref name="frame"/> then holds only its first bytes.
    /// </summary>
    ValueTask OnMessageAsync(ChargerSession session, ReadOnlyMemory<byte> frame, bool truncated, CancellationToken cancellationToken);

    /// <summary>The session ended; <paramref name="wasCurrent"/> is false when a newer session had already replaced it.</summary>
    ValueTask OnDisconnectedAsync(ChargerSession session, bool wasCurrent, CancellationToken cancellationToken);
}
