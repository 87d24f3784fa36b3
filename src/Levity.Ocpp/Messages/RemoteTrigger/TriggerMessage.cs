using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// TriggerMessage.req: asks the charge point to send a given message now. Sent by the central
/// system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.TriggerMessageRequest")]
public sealed record TriggerMessageRequest(
    MessageTrigger RequestedMessage,
    int? ConnectorId = null) : IOcppRequest<TriggerMessageResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.TriggerMessage;
}

/// <summary>TriggerMessage.conf: the answer to <see cref="TriggerMessageRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.TriggerMessageResponse")]
public sealed record TriggerMessageResponse(
    TriggerMessageStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.TriggerMessage;
}
