using Levity.Storage.Registry;
using Levity.Storage.Sql;

namespace Levity.Storage;

public sealed partial class LevityStore : IChargerRegistry
{
    private RegistryReader? _registryReader;

    private RegistryReader Registrations => _registryReader ??= new RegistryReader(StoreConnections.ReaderConnectionString(_options));

    public Task<ChargerRegistration?> FindRegistrationAsync(string chargePointId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Registrations.FindAsync(chargePointId, cancellationToken);
    }

    public Task<IReadOnlyList<ChargerRegistration>> ListRegistrationsAsync(CancellationToken cancellationToken = default) =>
        Registrations.ListAsync(cancellationToken);

    public Task<bool> AnyCredentialsAsync(CancellationToken cancellationToken = default) =>
        Registrations.AnyCredentialsAsync(cancellationToken);

    public ValueTask<bool> PutRegistrationAsync(ChargerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentOutOfRangeException.ThrowIfLessThan(registration.SecurityProfile, 0, nameof(registration));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(registration.SecurityProfile, 3, nameof(registration));
        return Writer.EnqueueAsync<bool>(new RegistryOperation<bool>(s => RegistryStatements.Put(s, registration)), cancellationToken);
    }

    public ValueTask<bool> RegisterAtFirstContactAsync(string chargePointId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync<bool>(new RegistryOperation<bool>(s => RegistryStatements.FirstContact(s, chargePointId)), cancellationToken);
    }

    public ValueTask<bool> SetPasswordHashAsync(string chargePointId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        ArgumentNullException.ThrowIfNull(passwordHash);
        return Writer.EnqueueAsync<bool>(new RegistryOperation<bool>(s => RegistryStatements.SetPassword(s, chargePointId, passwordHash)), cancellationToken);
    }

    public ValueTask<bool> RemoveRegistrationAsync(string chargePointId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        return Writer.EnqueueAsync<bool>(new RegistryOperation<bool>(s => RegistryStatements.Remove(s, chargePointId)), cancellationToken);
    }

    public async ValueTask RecordSecurityEventAsync(SecurityRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await Writer.EnqueueAsync(new RegistryOperation<bool>(s => RegistryStatements.RecordSecurityEvent(s, record)), cancellationToken);
    }

    public Task<IReadOnlyList<SecurityRecord>> ListSecurityEventsAsync(string? chargePointId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Registrations.ListSecurityEventsAsync(chargePointId, limit, cancellationToken);
    }
}
