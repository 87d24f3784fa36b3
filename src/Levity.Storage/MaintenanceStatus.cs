namespace Levity.Storage;

/// <summary>The last FirmwareStatusNotification and DiagnosticsStatusNotification of a charger, with when they came.</summary>
public sealed record MaintenanceStatus(string? FirmwareStatus, DateTimeOffset? FirmwareStatusAt, string? DiagnosticsStatus, DateTimeOffset? DiagnosticsStatusAt);
