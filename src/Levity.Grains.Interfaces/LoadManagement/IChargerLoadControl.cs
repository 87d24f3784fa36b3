using Orleans.Concurrency;

namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>
/// Load management's side of a charger's grain (the same grain as IChargePointGrain, keyed by the
/// charge point id): kept apart so the charger's OCPP interface stays the charger's.
/// </summary>
[Alias("levity.IChargerLoadControl")]
public interface IChargerLoadControl : IGrainWithStringKey
{
    /// <summary>The charger's connectors, connection and capability now (interleaves: it only reads).</summary>
    [AlwaysInterleave]
    Task<ChargerLoadReport> GetLoadReport();

    /// <summary>
    /// Sends the limits to the charger (SetChargingProfile, or the model's configuration key), only
    /// what changed. One-way and interleaving: a slow or silent charger never holds up its group or
    /// its own messages; only the latest limits wait while one set is being sent.
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task ApplyLoadLimits(ChargerLimits limits);

    /// <summary>The site whose groups now manage this charger; it reports to it from now on.</summary>
    Task JoinLoadGroup(string site);

    /// <summary>
    /// The site no longer manages this charger. Ignored unless <paramref name="site"/> is its current
    /// one, so a move to another site never loses to the old site's late call.
    /// </summary>
    Task LeaveLoadGroup(string site);
}
