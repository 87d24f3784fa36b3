namespace Levity.Ocpp.Messages;

/// <summary>One period of a charging schedule: a limit from <see cref="StartPeriod"/> seconds on.</summary>
/// <remarks>Schema limits: limit a multiple of 0.1.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.ChargingSchedulePeriod")]
public sealed record ChargingSchedulePeriod(
    int StartPeriod,
    decimal Limit,
    int? NumberPhases = null);
