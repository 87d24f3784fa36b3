namespace Levity.Ocpp.Calls;

/// <summary>The connection closed (or was already closed) before the call got a response.</summary>
[GenerateSerializer, Alias("ocpp.OcppConnectionClosedException")]
public sealed class OcppConnectionClosedException(string? action, string? messageId, Exception? innerException = null)
    : OcppCallException(
        messageId is null ? $"{action}: the connection is closed" : $"{action} ({messageId}): the connection closed before a response arrived",
        action,
        messageId,
        innerException);
