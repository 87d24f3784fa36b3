namespace Levity.Ocpp.Framing;

/// <summary>
/// A well-formed OCPP-J frame: <see cref="OcppCall"/>, <see cref="OcppCallResult"/> or
/// <see cref="OcppCallError"/>. Payloads are slices of the buffer that was parsed, so they are
/// valid only as long as the caller keeps that buffer.
/// </summary>
public abstract record OcppFrame(string MessageId)
{
    public abstract OcppMessageTypeId MessageTypeId { get; }
}
