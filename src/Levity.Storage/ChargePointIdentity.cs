namespace Levity.Storage;

/// <summary>What a BootNotification says about the charger; absent optional fields are stored as ''.</summary>
public sealed record ChargePointIdentity(
    string Vendor,
    string Model,
    string? SerialNumber = null,
    string? FirmwareVersion = null,
    string? Iccid = null,
    string? Imsi = null);
