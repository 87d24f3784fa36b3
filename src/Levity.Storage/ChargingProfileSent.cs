namespace Levity.Storage;

/// <summary>
/// A charging profile sent to a charger, with the charger's answer (null when none came).
/// <see cref="ConnectorId"/> is null for a RemoteStartTransaction that left the connector to the
/// charger. <see cref="ProfileJson"/> is the chargingProfile object exactly as sent.
/// <see cref="Accepted"/> decides whether it is now Active (and replaces older ones) or Rejected.
/// </summary>
public sealed record ChargingProfileSent(
    int? ConnectorId,
    int ChargingProfileId,
    int StackLevel,
    string Purpose,
    string Kind,
    string ProfileJson,
    string Source,
    string? ChargerStatus,
    bool Accepted,
    DateTimeOffset At);
