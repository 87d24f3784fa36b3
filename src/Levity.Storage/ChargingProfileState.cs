namespace Levity.Storage;

/// <summary>
/// Where a charging profile stands, as stored in <c>charging_profile.state</c>. Requested: sent,
/// no answer came. Replaced: a later accepted profile with the same chargingProfileId, or the same
/// stackLevel and purpose on the same connector, took its place (OCPP 1.6 §3.13.2). Ended: a
/// TxProfile whose transaction stopped (§3.13.4).
/// </summary>
public enum ChargingProfileState
{
    Requested,
    Active,
    Rejected,
    Cleared,
    Replaced,
    Ended,
}
