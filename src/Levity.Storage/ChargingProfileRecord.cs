namespace Levity.Storage;

/// <summary>A <c>charging_profile</c> row; <see cref="ProfileJson"/> is the profile as sent.</summary>
public sealed record ChargingProfileRecord(
    string ChargePointId,
    int? ConnectorId,
    int ChargingProfileId,
    int StackLevel,
    string Purpose,
    string Kind,
    string Status,
    string? ChargerStatus,
    string Source,
    string ProfileJson,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClearedAt);
