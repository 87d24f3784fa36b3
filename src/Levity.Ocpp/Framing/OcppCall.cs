using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Framing;

/// <summary>
/// <c>[2, messageId, action, payload]</c>. <see cref="ActionInfo"/> is null when the action is
/// not an OCPP 1.6 action (answer NotImplemented); <see cref="Payload"/> is the raw JSON object,
/// still to be validated and deserialized (see <see cref="Serialization.OcppPayloadReader"/>).
/// </summary>
public sealed record OcppCall(string MessageId, string Action, OcppActionInfo? ActionInfo, ReadOnlyMemory<byte> Payload)
    : OcppFrame(MessageId)
{
    public override OcppMessageTypeId MessageTypeId => OcppMessageTypeId.Call;
}
