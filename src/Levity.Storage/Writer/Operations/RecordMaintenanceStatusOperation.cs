namespace Levity.Storage.Writer.Operations;

/// <summary>FirmwareStatusNotification, SignedFirmwareStatusNotification or DiagnosticsStatusNotification.</summary>
internal sealed class RecordMaintenanceStatusOperation(string chargePointId, MaintenanceStatusKind kind, string status, DateTimeOffset at) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        session.Records.Maintenance.Record(chargePointId, kind, status, session.Iso(at), session.NowRowStamp);
        return true;
    }
}
