namespace Levity.Storage.Writer.Operations;

/// <summary>A charging profile sent and the charger's answer; an accepted one replaces the older profiles it overrides.</summary>
internal sealed class RecordChargingProfileOperation(string chargePointId, ChargingProfileSent profile) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var profiles = session.Records.ChargingProfiles;
        var now = session.NowRowStamp;
        ChargingProfileState state;
        if (profile.Accepted)
        {
            profiles.ReplaceOlder(chargePointId, profile, now);
            state = ChargingProfileState.Active;
        }
        else
        {
            state = profile.ChargerStatus is null ? ChargingProfileState.Requested : ChargingProfileState.Rejected;
        }

        profiles.Insert(chargePointId, profile, state, now);
        return true;
    }
}
