namespace Levity.Storage;

/// <summary>Which status notification a charger sent: firmware (signed or not) or diagnostics upload.</summary>
public enum MaintenanceStatusKind
{
    Firmware,
    Diagnostics,
}
