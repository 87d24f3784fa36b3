namespace Levity.Storage.Registry;

/// <summary>
/// The charger registry and the security extension's records. Writes go through the store's
/// single writer and complete once committed; reads use pooled read connections.
/// </summary>
public interface IChargerRegistry
{
    Task<ChargerRegistration?> FindRegistrationAsync(string chargePointId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ChargerRegistration>> ListRegistrationsAsync(CancellationToken cancellationToken = default);

    /// <summary>True when any charger must authenticate: a password at profile 1 or 2, or client certificates (profile 3).</summary>
    Task<bool> AnyCredentialsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a registration (created_at is kept); true when it was created.</summary>
    ValueTask<bool> PutRegistrationAsync(ChargerRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Registers an unknown charger at profile 0 on first contact; an existing row is left alone.</summary>
    ValueTask<bool> RegisterAtFirstContactAsync(string chargePointId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the password hash of a registered charger; false when it is not registered.</summary>
    ValueTask<bool> SetPasswordHashAsync(string chargePointId, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Removes a registration; false when there was none. The charger's history stays.</summary>
    ValueTask<bool> RemoveRegistrationAsync(string chargePointId, CancellationToken cancellationToken = default);

    ValueTask RecordSecurityEventAsync(SecurityRecord record, CancellationToken cancellationToken = default);

    /// <summary>Newest first, of one charger or all (null), at most <paramref name="limit"/> rows.</summary>
    Task<IReadOnlyList<SecurityRecord>> ListSecurityEventsAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default);
}
