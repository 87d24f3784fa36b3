using Levity.Storage;

namespace Levity.Silo.Api;

/// <summary>
/// A transaction as the operator API shows it. <see cref="EnergyWh"/> (meterStop − meterStart) and
/// the stop fields are null while the transaction is active.
/// </summary>
internal record TransactionView(
    int TransactionId,
    string ChargePointId,
    int? ConnectorId,
    string IdTag,
    DateTimeOffset? StartTime,
    DateTimeOffset? StopTime,
    long MeterStart,
    long? MeterStop,
    long? EnergyWh,
    string? StopReason,
    string Status,
    int? ReservationId,
    string? StopIdTag)
{
    public static TransactionView From(TransactionRecord tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return new(
            tx.Id,
            tx.ChargePointId,
            tx.ConnectorId,
            tx.IdTag,
            tx.StartTime,
            tx.StopTime,
            tx.MeterStart,
            tx.MeterStop,
            tx.IsActive || tx.MeterStop is null ? null : tx.EnergyDeliveredWh,
            string.IsNullOrEmpty(tx.StopReason) ? null : tx.StopReason,
            tx.Status,
            tx.ReservationId,
            tx.StopIdTag);
    }
}

/// <summary>One page of <c>GET /api/transactions</c>.</summary>
internal sealed record TransactionListView(IReadOnlyList<TransactionView> Items, int Total, int Limit, int Offset);

/// <summary><c>GET /api/transactions/{id}</c>: the transaction and its sampled values in time order.</summary>
internal sealed record TransactionDetailView : TransactionView
{
    private TransactionDetailView(TransactionView transaction, IReadOnlyList<MeterValueRecord> meterValues)
        : base(transaction) => MeterValues = meterValues;

    public IReadOnlyList<MeterValueRecord> MeterValues { get; }

    public static TransactionDetailView From(TransactionRecord tx, IReadOnlyList<MeterValueRecord> meterValues) =>
        new(TransactionView.From(tx), meterValues);
}
