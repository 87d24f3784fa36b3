namespace Levity.Storage.Writer.Operations;

/// <summary>
/// StartTransaction: a new <c>tx</c> row whose id is the transactionId returned. A connector
/// without a <c>cp_conn</c> row gets one (tx.cp_conn_id references the row). A reservation it
/// names is marked Used in the same commit, even when it had already expired here (the charger's
/// clock decides); one not recorded yet is linked when its ReserveNow answer is.
/// </summary>
internal sealed class StartTransactionOperation(string chargePointId, TransactionStart start) : StoreOperation<int>
{
    protected override int Run(WriterSession session)
    {
        var now = session.NowRowStamp;
        var startTime = session.Iso(start.Timestamp);
        session.ChargePoints.TransactionStarted(chargePointId, startTime, now);
        var connectorRowId = session.Connectors.GetOrCreate(chargePointId, start.ConnectorId, now);
        // OCPP transactionIds are 32-bit; failing here (undone) beats handing out a wrapped id.
        var id = checked((int)session.Transactions.Insert(chargePointId, connectorRowId, start, startTime, now));
        if (start.ReservationId is { } reservationId
            && session.Records.Reservations.FindUsable(chargePointId, reservationId) is { } reservation)
        {
            session.Records.Reservations.Use(reservation, id, now);
        }

        return id;
    }
}
