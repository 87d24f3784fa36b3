namespace Levity.Ocpp.Framing;

/// <summary><c>[3, messageId, payload]</c>: the payload is the raw JSON object of the response.</summary>
public sealed record OcppCallResult(string MessageId, ReadOnlyMemory<byte> Payload) : OcppFrame(MessageId)
{
    public override OcppMessageTypeId MessageTypeId => OcppMessageTypeId.CallResult;
}
