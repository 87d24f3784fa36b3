using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetCompositeSchedule.req: asks for the schedule that results from all active profiles. Sent by
/// the central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetCompositeScheduleRequest")]
public sealed record GetCompositeScheduleRequest(
    int ConnectorId,
    int Duration,
    ChargingRateUnitType? ChargingRateUnit = null) : IOcppRequest<GetCompositeScheduleResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetCompositeSchedule;
}

/// <summary>GetCompositeSchedule.conf: the answer to <see cref="GetCompositeScheduleRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetCompositeScheduleResponse")]
public sealed record GetCompositeScheduleResponse(
    GetCompositeScheduleStatus Status,
    int? ConnectorId = null,
    DateTimeOffset? ScheduleStart = null,
    ChargingSchedule? ChargingSchedule = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetCompositeSchedule;
}
