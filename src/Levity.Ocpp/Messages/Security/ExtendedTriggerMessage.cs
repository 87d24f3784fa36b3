using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ExtendedTriggerMessage.req: triggerMessage with the security extension's extra messages. Sent by
/// the central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.ExtendedTriggerMessageRequest")]
public sealed record ExtendedTriggerMessageRequest(
    ExtendedMessageTrigger RequestedMessage,
    int? ConnectorId = null) : IOcppRequest<ExtendedTriggerMessageResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ExtendedTriggerMessage;
}

/// <summary>ExtendedTriggerMessage.conf: the answer to <see cref="ExtendedTriggerMessageRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ExtendedTriggerMessageResponse")]
public sealed record ExtendedTriggerMessageResponse(
    TriggerMessageStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ExtendedTriggerMessage;
}
