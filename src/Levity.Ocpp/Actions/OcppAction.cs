namespace Levity.Ocpp.Actions;

/// <summary>Every OCPP 1.6 action: the 28 of the core specification and the 11 of the security extension.</summary>
public enum OcppAction
{
    // Core profile
    Authorize,
    BootNotification,
    ChangeAvailability,
    ChangeConfiguration,
    ClearCache,
    DataTransfer,
    GetConfiguration,
    Heartbeat,
    MeterValues,
    RemoteStartTransaction,
    RemoteStopTransaction,
    Reset,
    StartTransaction,
    StatusNotification,
    StopTransaction,
    UnlockConnector,

    // Firmware Management profile
    GetDiagnostics,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    UpdateFirmware,

    // Local Auth List Management profile
    GetLocalListVersion,
    SendLocalList,

    // Reservation profile
    CancelReservation,
    ReserveNow,

    // Smart Charging profile
    ClearChargingProfile,
    GetCompositeSchedule,
    SetChargingProfile,

    // Remote Trigger profile
    TriggerMessage,

    // Security extension (OCPP 1.6 Security Whitepaper, edition 3)
    CertificateSigned,
    DeleteCertificate,
    ExtendedTriggerMessage,
    GetInstalledCertificateIds,
    GetLog,
    InstallCertificate,
    LogStatusNotification,
    SecurityEventNotification,
    SignCertificate,
    SignedFirmwareStatusNotification,
    SignedUpdateFirmware,
}
