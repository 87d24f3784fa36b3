namespace Levity.Storage.Writer.Operations;

/// <summary>
/// StatusNotification: connector 0 sets <c>cp.status</c>, others upsert their <c>cp_conn</c> row;
/// an error code other than NoError opens a <c>cp_err</c> row (once while it lasts) and any other
/// status resolves the connector's open errors.
/// </summary>
internal sealed class RecordStatusOperation(string chargePointId, ConnectorStatusReport report) : StoreOperation<bool>
{
    protected override bool Run(WriterSession session)
    {
        var now = session.NowRowStamp;
        var at = session.Iso(report.Timestamp ?? session.Now);
        long? connectorRowId = null;
        if (report.ConnectorId == 0)
        {
            session.ChargePoints.Status(chargePointId, report.Status, now);
        }
        else
        {
            session.ChargePoints.Ensure(chargePointId, now);
            connectorRowId = session.Connectors.UpsertStatus(
                chargePointId, report.ConnectorId, report.Status, report.ErrorCode, report.VendorErrorCode ?? string.Empty, now);
        }

        session.Errors.ResolveOthers(chargePointId, connectorRowId, report.ErrorCode, at);
        if (report.ErrorCode != ConnectorStatusReport.NoError)
        {
            session.Errors.Open(chargePointId, connectorRowId, report, at, now);
        }

        return true;
    }
}
