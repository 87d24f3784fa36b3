namespace Levity.Storage.Writer.Operations;

/// <summary>Live reservations whose expiryDate has passed (by the store's clock) become Expired. Returns how many.</summary>
internal sealed class ExpireReservationsOperation : StoreOperation<int>
{
    protected override int Run(WriterSession session) =>
        session.Records.Reservations.Expire(session.Iso(session.Now), session.NowRowStamp);
}
