namespace Levity.Ocpp.Messages;

/// <summary>Limits over time, relative to <see cref="StartSchedule"/>.</summary>
/// <remarks>Schema limits: minChargingRate a multiple of 0.1.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.ChargingSchedule")]
public sealed record ChargingSchedule(
    ChargingRateUnitType ChargingRateUnit,
    IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod,
    int? Duration = null,
    DateTimeOffset? StartSchedule = null,
    decimal? MinChargingRate = null);
