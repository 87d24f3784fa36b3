namespace Levity.Storage;

/// <summary>
/// Something a charger did that the books must not silently absorb. <see cref="TransactionId"/> is
/// the id the charger claimed, which need not exist in <c>tx</c>.
/// </summary>
public sealed record Anomaly(
    string ChargePointId,
    AnomalyKind Kind,
    DateTimeOffset At,
    int? TransactionId = null,
    int? ConnectorId = null,
    string? Detail = null);
