namespace Levity.Storage;

/// <summary>
/// A <c>tx</c> row. <see cref="Id"/> is the OCPP transactionId; <see cref="ConnectorId"/> is the
/// connector number (resolved through <c>cp_conn</c>), null if that row is gone.
/// </summary>
public sealed record TransactionRecord(
    int Id,
    string ChargePointId,
    int? ConnectorId,
    string IdTag,
    DateTimeOffset? StartTime,
    DateTimeOffset? StopTime,
    long MeterStart,
    long? MeterStop,
    long EnergyDeliveredWh,
    string StopReason,
    string Status,
    int? ReservationId,
    string? StopIdTag)
{
    public bool IsActive => Status == TransactionStatus.Active;
}
