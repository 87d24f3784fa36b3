using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Storage;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    public async Task<BootNotificationResponse> BootNotification(BootNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Touch();
        // A charger that boots has forgotten its transactions: it will never stop them.
        await CloseOrphansAsync(connectorId: null, "Reboot", except: null, CancellationToken.None);
        var identity = new ChargePointIdentity(
            request.ChargePointVendor,
            request.ChargePointModel,
            request.ChargePointSerialNumber ?? request.ChargeBoxSerialNumber,
            request.FirmwareVersion,
            request.Iccid,
            request.Imsi);
        await store.RecordBootAsync(_id, identity, now);
        _identity = identity;
        _lastBootAt = now;
        Log.Booted(logger, _id, request.ChargePointVendor, request.ChargePointModel, request.FirmwareVersion);
        await ResetLoadAsync();
        return new BootNotificationResponse(RegistrationStatus.Accepted, now, (int)_options.HeartbeatInterval.TotalSeconds);
    }

    public async Task<HeartbeatResponse> Heartbeat(HeartbeatRequest request)
    {
        var now = Touch();
        await store.RecordHeartbeatAsync(_id, now);
        _lastHeartbeatAt = now;
        return new HeartbeatResponse(now);
    }

    public async Task<StatusNotificationResponse> StatusNotification(StatusNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Touch();
        var status = request.Status.ToWireName();
        var errorCode = request.ErrorCode.ToWireName();
        await store.RecordStatusAsync(_id, new ConnectorStatusReport(
            request.ConnectorId, status, errorCode, request.Timestamp ?? now, request.Info, request.VendorId, request.VendorErrorCode));
        stateMetrics.Status(_id, status, errorCode);
        _status = status;
        if (request.ConnectorId != 0)
        {
            _connectors[request.ConnectorId] = new ConnectorState(request.ConnectorId, status, errorCode, request.Timestamp ?? now);
        }

        await ReportLoadAsync();

        return new StatusNotificationResponse();
    }

    public async Task<AuthorizeResponse> Authorize(AuthorizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        return new AuthorizeResponse(await idTags.AuthorizeAsync(request.IdTag));
    }

    /// <summary>Levity itself knows no vendor extensions; a plugin may answer them (see PLUGINS.md).</summary>
    public Task<DataTransferResponse> DataTransfer(DataTransferRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        Log.DataTransfer(logger, _id, request.VendorId, request.MessageId);
        return Task.FromResult(new DataTransferResponse(DataTransferStatus.UnknownVendorId));
    }

    public async Task<DiagnosticsStatusNotificationResponse> DiagnosticsStatusNotification(DiagnosticsStatusNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Touch();
        _diagnosticsStatus = await RecordMaintenanceStatusAsync(MaintenanceStatusKind.Diagnostics, request.Status.ToWireName(), now);
        _diagnosticsStatusAt = now;
        Log.Notification(logger, _id, "DiagnosticsStatusNotification", _diagnosticsStatus);
        return new DiagnosticsStatusNotificationResponse();
    }

    public async Task<FirmwareStatusNotificationResponse> FirmwareStatusNotification(FirmwareStatusNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Touch();
        _firmwareStatus = await RecordMaintenanceStatusAsync(MaintenanceStatusKind.Firmware, request.Status.ToWireName(), now);
        _firmwareStatusAt = now;
        Log.Notification(logger, _id, "FirmwareStatusNotification", _firmwareStatus);
        return new FirmwareStatusNotificationResponse();
    }

    public Task<SecurityEventNotificationResponse> SecurityEventNotification(SecurityEventNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        Log.SecurityEvent(logger, _id, request.Type, request.Timestamp, request.TechInfo);
        return Task.FromResult(new SecurityEventNotificationResponse());
    }

    /// <summary>Levity has no certificate authority yet, so it cannot sign: Rejected, never a promise it cannot keep.</summary>
    public Task<SignCertificateResponse> SignCertificate(SignCertificateRequest request)
    {
        Touch();
        Log.Notification(logger, _id, "SignCertificate", "Rejected (no certificate authority configured)");
        return Task.FromResult(new SignCertificateResponse(GenericStatus.Rejected));
    }

    public Task<LogStatusNotificationResponse> LogStatusNotification(LogStatusNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Touch();
        var status = request.Status.ToWireName();
        Log.Notification(logger, _id, "LogStatusNotification", status);
        return Task.FromResult(new LogStatusNotificationResponse());
    }

    public async Task<SignedFirmwareStatusNotificationResponse> SignedFirmwareStatusNotification(SignedFirmwareStatusNotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Touch();
        _firmwareStatus = await RecordMaintenanceStatusAsync(MaintenanceStatusKind.Firmware, request.Status.ToWireName(), now);
        _firmwareStatusAt = now;
        Log.Notification(logger, _id, "SignedFirmwareStatusNotification", _firmwareStatus);
        return new SignedFirmwareStatusNotificationResponse();
    }
}
