using Levity.Grains.Interfaces.LoadManagement;
using Levity.Ocpp.Messages;

namespace Levity.Grains.LoadManagement;

/// <summary>
/// The charging profiles load management sends. Fixed ids, so each new one replaces Levity's
/// previous one and never an operator's: the safe default on connector 0, a TxProfile per connector.
/// </summary>
public static class LoadProfiles
{
    public const int SafeDefaultProfileId = 18000;

    public const int TxProfileIdBase = 18000;

    /// <summary>The safe share as the charger's TxDefaultProfile: what every new transaction gets until Levity says more.</summary>
    public static SetChargingProfileRequest SafeDefault(double safeAmps, int phases, int stackLevel) =>
        new(0, new ChargingProfile(
            SafeDefaultProfileId,
            stackLevel,
            ChargingProfilePurposeType.TxDefaultProfile,
            ChargingProfileKindType.Relative,
            new ChargingSchedule(ChargingRateUnitType.A, [new ChargingSchedulePeriod(0, Amps(safeAmps), phases)])));

    /// <summary>
    /// The running transaction's limit. Above the safe share it lasts one lease, then the safe share
    /// follows in the same schedule: if Levity is gone, the charger falls back on its own.
    /// </summary>
    public static SetChargingProfileRequest Transaction(int connectorId, int transactionId, ConnectorLimit limit, ChargerLimits limits, int stackLevel)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(limits);
        ChargingSchedulePeriod[] periods = limit.Amps > limits.SafeAmps
            ? [new(0, Amps(limit.Amps), limits.Phases), new((int)limits.Lease.TotalSeconds, Amps(limits.SafeAmps), limits.Phases)]
            : [new(0, Amps(limit.Amps), limits.Phases)];
        return new(connectorId, new ChargingProfile(
            TxProfileIdBase + connectorId,
            stackLevel,
            ChargingProfilePurposeType.TxProfile,
            ChargingProfileKindType.Absolute,
            new ChargingSchedule(ChargingRateUnitType.A, periods, StartSchedule: limits.At),
            transactionId));
    }

    /// <summary>Amperes on the 0.1 A grid the schema requires, never rounded up.</summary>
    public static decimal Amps(double amps) => Math.Round((decimal)Math.Max(0, amps), 1, MidpointRounding.ToZero);
}
