namespace Levity.Ocpp.Framing;

/// <summary>
/// A frame that could not be parsed, with the CALLERROR code it deserves and what could be
/// recovered of it before the problem. A CALLERROR can only answer a CALL, so
/// <see cref="CanReply"/> holds when a message id was recovered and the frame was not
/// (recognizably) a CALLRESULT or CALLERROR; otherwise the caller logs it with
/// <see cref="Excerpt"/> and drops it, and for a broken response fails the pending call with
/// <see cref="MessageId"/>. The connection stays open either way.
/// </summary>
public sealed record OcppFrameError(
    OcppErrorCode Code,
    string Description,
    OcppMessageTypeId? MessageTypeId,
    string? MessageId,
    string Excerpt)
{
    /// <summary>Whether to answer with <c>[4, MessageId, Code, Description, {}]</c>.</summary>
    public bool CanReply => MessageId is not null && MessageTypeId is not (OcppMessageTypeId.CallResult or OcppMessageTypeId.CallError);

    /// <summary>The error as an <see cref="OcppError"/>.</summary>
    public OcppError ToError() => new(Code, Description);
}
