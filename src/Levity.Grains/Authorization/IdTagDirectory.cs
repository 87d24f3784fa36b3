using System.Collections.Frozen;
using Levity.Ocpp.Messages;
using Levity.Storage;
using Microsoft.Extensions.Options;

namespace Levity.Grains.Authorization;

/// <summary>
/// The id-tag table in memory, so answering Authorize or StartTransaction costs no database read:
/// an immutable snapshot, loaded on first use and replaced after every change made through
/// <see cref="PutAsync"/> or <see cref="DeleteAsync"/> (each durable before it returns). Changes
/// made to the table with SQL behind Levity's back are seen after a restart.
/// </summary>
public sealed class IdTagDirectory(IStoreWriter store, IStoreReader records, TimeProvider time, IOptions<AuthorizationOptions> options) : IDisposable
{
    private readonly AuthorizationMode _mode = options.Value.Mode;
    // Writes are serialized so the snapshot changes in the order the database did.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _loadLock = new();
    private volatile FrozenDictionary<string, IdTagRecord>? _tags;
    private Task<FrozenDictionary<string, IdTagRecord>>? _loading;

    public AuthorizationMode Mode => _mode;

    /// <summary>
    /// The idTagInfo for <paramref name="idTag"/>. A tag in the table answers its status (in both
    /// modes), Expired once its expiry date has passed, and its parent's status when the parent
    /// is in the table and not Accepted; an unknown tag is Accepted in accept-all mode, Invalid
    /// in known-tags mode.
    /// </summary>
    public async ValueTask<IdTagInfo> AuthorizeAsync(string idTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        var tags = _tags ?? await LoadAsync(cancellationToken);
        if (!tags.TryGetValue(idTag, out var tag))
        {
            return new IdTagInfo(_mode == AuthorizationMode.AcceptAll ? AuthorizationStatus.Accepted : AuthorizationStatus.Invalid);
        }

        var now = time.GetUtcNow();
        var status = Effective(tag, now);
        var expiry = tag.ExpiryDate;
        // One level only: a parent is a group (a household), not a chain to walk.
        if (status == AuthorizationStatus.Accepted && tag.ParentIdTag is { } parentId
            && !string.Equals(parentId, tag.IdTag, StringComparison.OrdinalIgnoreCase)
            && tags.TryGetValue(parentId, out var parent))
        {
            status = Effective(parent, now);
            if (parent.ExpiryDate is { } parentExpiry && (expiry is null || parentExpiry < expiry))
            {
                expiry = parentExpiry;
            }
        }

        return new IdTagInfo(status, expiry, tag.ParentIdTag);
    }

    /// <summary>Every tag, by tag (case-insensitive order, as the table's NOCASE key sorts).</summary>
    public async Task<IReadOnlyList<IdTagRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tags = _tags ?? await LoadAsync(cancellationToken);
        return [.. tags.Values.OrderBy(t => t.IdTag, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.IdTag, StringComparer.Ordinal)];
    }

    public async Task<IdTagRecord?> GetAsync(string idTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        var tags = _tags ?? await LoadAsync(cancellationToken);
        return tags.GetValueOrDefault(idTag);
    }

    /// <summary>Creates or replaces a tag once it is on disk; true when it was created.</summary>
    public async Task<bool> PutAsync(IdTagRecord tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return await WriteAsync(
            async ct => await store.PutIdTagAsync(tag, ct),
            tags => tags.Where(t => !string.Equals(t.Key, tag.IdTag, StringComparison.OrdinalIgnoreCase)).Append(new(tag.IdTag, tag)),
            cancellationToken);
    }

    /// <summary>Deletes a tag once the deletion is on disk; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string idTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        return await WriteAsync(
            async ct => await store.DeleteIdTagAsync(idTag, ct),
            tags => tags.Where(t => !string.Equals(t.Key, idTag, StringComparison.OrdinalIgnoreCase)),
            cancellationToken);
    }

    public void Dispose() => _writeGate.Dispose();

    private static AuthorizationStatus Effective(IdTagRecord tag, DateTimeOffset now) =>
        tag.Status switch
        {
            IdTagStatus.Blocked => AuthorizationStatus.Blocked,
            IdTagStatus.Expired => AuthorizationStatus.Expired,
            IdTagStatus.Invalid => AuthorizationStatus.Invalid,
            _ when tag.ExpiryDate is { } expiry && expiry <= now => AuthorizationStatus.Expired,
            _ => AuthorizationStatus.Accepted,
        };

    private async Task<bool> WriteAsync(
        Func<CancellationToken, Task<bool>> write,
        Func<IEnumerable<KeyValuePair<string, IdTagRecord>>, IEnumerable<KeyValuePair<string, IdTagRecord>>> apply,
        CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var tags = _tags ?? await LoadAsync(cancellationToken);
            var result = await write(cancellationToken);
            _tags = apply(tags).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>One load shared by every caller; a failed load is retried by the next caller.</summary>
    private async Task<FrozenDictionary<string, IdTagRecord>> LoadAsync(CancellationToken cancellationToken)
    {
        Task<FrozenDictionary<string, IdTagRecord>> loading;
        lock (_loadLock)
        {
            loading = _loading ??= ReadAllAsync();
        }

        try
        {
            return await loading.WaitAsync(cancellationToken);
        }
        catch when (loading.IsFaulted)
        {
            lock (_loadLock)
            {
                if (_loading == loading)
                {
                    _loading = null;
                }
            }

            throw;
        }
    }

    private async Task<FrozenDictionary<string, IdTagRecord>> ReadAllAsync()
    {
        // Not the caller's token: the load is shared, and one caller giving up must not fail the rest.
        var rows = await records.ListIdTagsAsync(CancellationToken.None);
        var tags = rows.ToFrozenDictionary(t => t.IdTag, StringComparer.OrdinalIgnoreCase);
        // A write that finished while this read ran has set a newer snapshot already.
        Interlocked.CompareExchange(ref _tags, tags, null);
        return _tags;
    }
}
