namespace Levity.Storage.Registry;

/// <summary>
/// A <c>security_event</c> row: a SecurityEventNotification (<see cref="EventType"/>,
/// <see cref="EventTime"/>, <see cref="TechInfo"/>) or a SignCertificate (<see cref="Csr"/>,
/// <see cref="Answer"/>) a charger sent.
/// </summary>
public sealed record SecurityRecord(
    string ChargePointId,
    string Action,
    string? EventType,
    DateTimeOffset? EventTime,
    string? TechInfo,
    string? Csr,
    string? Answer,
    DateTimeOffset? ReceivedAt = null);
