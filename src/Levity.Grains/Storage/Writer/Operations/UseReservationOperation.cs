namespace Levity.Grains.Storage.Writer.Operations;

/// <summary>
/// A StartTransaction naming a reservation: the charger says the reservation was consumed, so it
/// is Used even when it had already expired here (the charger's clock decides). Returns whether
/// there was one; when not (yet), recording the ReserveNow answer links it later.
/// </summary>
internal sealed class UseReservationOperation(string chargePointId, int reservationId, int transactionId) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var reservations = session.Records.Reservations;
        if (reservations.FindUsable(chargePointId, reservationId) is not { } row)
        {
            return false;
        }

        reservations.Use(row, transactionId, session.NowRowStamp);
        return true;
    }
}
