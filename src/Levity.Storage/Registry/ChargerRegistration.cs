namespace Levity.Storage.Registry;

/// <summary>
/// A <c>charger_registry</c> row: a charger Levity knows, how it must authenticate and whether it
/// may connect at all. <see cref="PasswordHash"/> is a salted PBKDF2 record, never a password.
/// </summary>
public sealed record ChargerRegistration(
    string ChargePointId,
    int SecurityProfile,
    string? PasswordHash,
    bool Enabled,
    string? SerialUsername,
    string RegisteredBy,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>Registered by the operator (API or CLI).</summary>
    public const string ByOperator = "operator";

    /// <summary>Registered by its own first connection under open registration.</summary>
    public const string ByFirstContact = "first-contact";
}
