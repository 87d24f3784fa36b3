using Levity.Storage.Registry;

namespace Levity.Silo.Api;

/// <summary>
/// A charger's registration as the API shows it: never the hash. <see cref="Password"/> and
/// <see cref="AuthorizationKey"/> are set only in the answer that set a password (a generated
/// password is shown there once, and nowhere else).
/// </summary>
internal sealed record RegistrationView(
    string ChargePointId,
    int SecurityProfile,
    bool Enabled,
    bool HasPassword,
    string? SerialUsername,
    string RegisteredBy,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string? Password = null,
    string? AuthorizationKey = null)
{
    public static RegistrationView From(ChargerRegistration r) =>
        new(r.ChargePointId, r.SecurityProfile, r.Enabled, r.PasswordHash is not null, r.SerialUsername, r.RegisteredBy, r.CreatedAt, r.UpdatedAt);
}
