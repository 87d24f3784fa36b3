namespace Levity.Storage.Writer.Operations;

/// <summary>
/// A ReserveNow and the charger's answer. Accepted (or unanswered) with the reservationId of a
/// live reservation of the charger updates that row, as the charger replaces it; anything else is
/// a new row. The grain records the answer while the charger may already be starting the
/// transaction that uses it, so a StartTransaction naming it that was committed first is looked
/// up here and marks it Used at once.
/// </summary>
internal sealed class RecordReservationOperation(string chargePointId, ReservationRequest request) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var reservations = session.Records.Reservations;
        var now = session.NowRowStamp;
        var expiry = session.Iso(request.ExpiryDate);
        reservations.Expire(session.Iso(session.Now), now);
        var state = request.ChargerStatus switch
        {
            null => ReservationState.Requested,
            "Accepted" => ReservationState.Accepted,
            _ => ReservationState.Refused,
        };
        if (state == ReservationState.Refused)
        {
            reservations.Insert(chargePointId, request, expiry, state, now);
            return true;
        }

        long row;
        if (reservations.FindLive(chargePointId, request.ReservationId) is { } live)
        {
            row = live;
            reservations.Replace(row, request, expiry, state, now);
        }
        else
        {
            row = reservations.Insert(chargePointId, request, expiry, state, now);
        }

        if (reservations.StartedWith(chargePointId, request.ReservationId, Sql.SqlTime.ToRowStamp(request.RequestedAt)) is { } transactionId)
        {
            reservations.Use(row, transactionId, now);
        }

        return true;
    }
}
