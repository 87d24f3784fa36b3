namespace Levity.Storage.Writer.Operations;

/// <summary>A CancelReservation the charger accepted: its live reservation becomes Cancelled. Returns whether there was one.</summary>
internal sealed class CancelReservationOperation(string chargePointId, int reservationId) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var reservations = session.Records.Reservations;
        if (reservations.FindLive(chargePointId, reservationId) is not { } row)
        {
            return false;
        }

        reservations.SetState(row, ReservationState.Cancelled, session.NowRowStamp);
        return true;
    }
}
