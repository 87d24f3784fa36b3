namespace Levity.Storage.LoadManagement;

/// <summary>
/// Load groups and chargers' load settings. Writes go through the store's single writer and are
/// committed before they return; a write that breaks a rule (an unknown parent, a cycle, a charger
/// already in another group, deleting a group that has children) changes nothing and says why.
/// </summary>
public interface ILoadGroupStore
{
    /// <summary>Every group with its members (a site has few), by name.</summary>
    Task<IReadOnlyList<LoadGroupRecord>> ListLoadGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored load settings of every charger that has some.</summary>
    Task<IReadOnlyList<ChargerLoadSettings>> ListChargerLoadSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a group (its limit, parent and whole member list).</summary>
    ValueTask<LoadGroupWriteResult> PutLoadGroupAsync(LoadGroupRecord group, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group and its member list; refused while another group has it as parent.</summary>
    ValueTask<LoadGroupWriteResult> DeleteLoadGroupAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a charger's load settings.</summary>
    ValueTask PutChargerLoadSettingsAsync(ChargerLoadSettings settings, CancellationToken cancellationToken = default);
}
