using Levity.Storage.LoadManagement;
using Levity.Storage.Sql;

namespace Levity.Storage;

/// <summary>Load groups and chargers' load settings (issue 18): small tables, read whole.</summary>
public sealed partial class LevityStore : ILoadGroupStore
{
    public async Task<IReadOnlyList<LoadGroupRecord>> ListLoadGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(StoreConnections.ReaderConnectionString(_options), cancellationToken);
        return LoadGroupRows.ReadAll(connection);
    }

    public async Task<IReadOnlyList<ChargerLoadSettings>> ListChargerLoadSettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await StoreConnections.OpenReaderAsync(StoreConnections.ReaderConnectionString(_options), cancellationToken);
        return LoadGroupRows.ReadSettings(connection);
    }

    public ValueTask<LoadGroupWriteResult> PutLoadGroupAsync(LoadGroupRecord group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(group.Name, nameof(group));
        if (!(group.LimitAmps >= 0) || double.IsInfinity(group.LimitAmps))
        {
            throw new ArgumentException("A group's limit must be 0 A or more.", nameof(group));
        }

        return Writer.EnqueueAsync<LoadGroupWriteResult>(new PutLoadGroupOperation(group), cancellationToken);
    }

    public ValueTask<LoadGroupWriteResult> DeleteLoadGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Writer.EnqueueAsync<LoadGroupWriteResult>(new DeleteLoadGroupOperation(name), cancellationToken);
    }

    public async ValueTask PutChargerLoadSettingsAsync(ChargerLoadSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException($"Charger {settings.ChargePointId}: {problem}.", nameof(settings));
        }

        await Writer.EnqueueAsync<bool>(new PutChargerLoadSettingsOperation(settings), cancellationToken);
    }
}
