namespace Levity.Storage.Writer.Operations;

/// <summary>An accepted ClearChargingProfile: the active profiles it names become Cleared. Returns how many.</summary>
internal sealed class ClearChargingProfilesOperation(string chargePointId, ChargingProfileClear clear) : StoreOperation<int>
{
    protected override int Run(WriterSession session) =>
        session.Records.ChargingProfiles.Clear(chargePointId, clear, session.Iso(clear.At), session.NowRowStamp);
}
