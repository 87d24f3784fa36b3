namespace Levity.Ocpp.Framing;

/// <summary>
/// <c>[4, messageId, errorCode, errorDescription, errorDetails]</c>. <see cref="ErrorCode"/> is
/// GenericError when the peer sent a code OCPP 1.6 does not define; <see cref="ErrorCodeText"/>
/// keeps what it sent. <see cref="ErrorDetails"/> is the raw JSON object.
/// </summary>
public sealed record OcppCallError(
    string MessageId,
    OcppErrorCode ErrorCode,
    string ErrorCodeText,
    string ErrorDescription,
    ReadOnlyMemory<byte> ErrorDetails) : OcppFrame(MessageId)
{
    public override OcppMessageTypeId MessageTypeId => OcppMessageTypeId.CallError;
}
