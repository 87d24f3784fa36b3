namespace Levity.Silo.Audit;

/// <summary>Which way a frame went, seen from the central system.</summary>
public enum AuditDirection
{
    /// <summary>From the charger ("recv" in the audit record).</summary>
    Received,

    /// <summary>To the charger ("send" in the audit record).</summary>
    Sent,
}
