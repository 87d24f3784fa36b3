namespace Levity.Ocpp.Calls;

/// <summary>
/// The connection closed (or was already closed) before the call got a response.
/// <see cref="WasSent"/> tells a call the charger may have received and acted on (a Hard Reset
/// drops the connection before answering) from one that never left the central system.
/// </summary>
[GenerateSerializer, Alias("ocpp.OcppConnectionClosedException")]
public sealed class OcppConnectionClosedException(string? action, string? messageId, Exception? innerException = null, bool wasSent = false)
    : OcppCallException(
        wasSent ? $"{action} ({messageId}) was sent to the charger, and the connection closed before a response arrived"
            : $"{action}: not sent, the connection is closed",
        action,
        messageId,
        innerException)
{
    /// <summary>The CALL was handed to the socket before the connection closed: the charger may have acted on it.</summary>
    [Id(0)]
    public bool WasSent { get; } = wasSent;
}
