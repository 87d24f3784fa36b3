using Orleans.Concurrency;

namespace Levity.Grains.Interfaces.LoadManagement;

/// <summary>
/// One site: a top load group and every group below it (keyed by the top group's name). It holds
/// the live picture of its chargers, recomputes the allocation shortly after anything changes
/// (debounced, bounded) and tells each charger's grain its limits.
/// </summary>
[Alias("levity.ILoadGroupGrain")]
public interface ILoadGroupGrain : IGrainWithStringKey
{
    /// <summary>A member charger's state changed (transaction, status, current, connection, capability).</summary>
    [OneWay]
    Task ChargerChanged(ChargerLoadReport report);

    /// <summary>The groups were edited: reads them again, tells chargers that joined or left, and recomputes.</summary>
    Task Reload();

    /// <summary>The allocation now.</summary>
    [AlwaysInterleave]
    Task<LoadGroupView> GetView();
}
