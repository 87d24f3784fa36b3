namespace Levity.Ocpp.Calls;

/// <summary>
/// A payload failed its schema: a raw request given to
/// <see cref="OcppOutgoingCalls.CallRawAsync"/> (nothing was sent), or the charge point's
/// response (<see cref="IsResponse"/>).
/// </summary>
[GenerateSerializer, Alias("ocpp.OcppInvalidPayloadException")]
public sealed class OcppInvalidPayloadException(string action, string? messageId, OcppError error, bool isResponse)
    : OcppCallException($"{action}{(messageId is null ? "" : $" ({messageId})")}: invalid {(isResponse ? "response" : "request")}: {error}", action, messageId)
{
    [Id(0)]
    public OcppError Error { get; } = error;

    [Id(1)]
    public bool IsResponse { get; } = isResponse;
}
