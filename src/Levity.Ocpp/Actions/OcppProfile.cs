namespace Levity.Ocpp.Actions;

/// <summary>The OCPP 1.6 feature profile an action belongs to.</summary>
public enum OcppProfile
{
    Core,
    FirmwareManagement,
    LocalAuthListManagement,
    Reservation,
    SmartCharging,
    RemoteTrigger,

    /// <summary>The security extension (OCPP 1.6 Security Whitepaper).</summary>
    Security,
}
