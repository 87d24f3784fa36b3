namespace Levity.Ocpp.Calls;

/// <summary>
/// One call is outstanding and <see cref="OcppProtocolOptions.MaxQueuedCalls"/> more already
/// wait behind it; the call was not sent.
/// </summary>
[GenerateSerializer, Alias("ocpp.OcppCallQueueFullException")]
public sealed class OcppCallQueueFullException(string action, int maxQueuedCalls)
    : OcppCallException($"{action}: {maxQueuedCalls} calls already wait for this connection", action, messageId: null)
{
    [Id(0)]
    public int MaxQueuedCalls { get; } = maxQueuedCalls;
}
