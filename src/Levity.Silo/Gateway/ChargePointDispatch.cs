using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Silo.Gateway;

/// <summary>Routes a validated charger request to the matching typed method of its grain.</summary>
internal static class ChargePointDispatch
{
    public static Task<IOcppResponse> InvokeAsync(IChargePointGrain grain, IOcppRequest request) => request switch
    {
        MeterValuesRequest r => Box(grain.MeterValues(r)),
        HeartbeatRequest r => Box(grain.Heartbeat(r)),
        StatusNotificationRequest r => Box(grain.StatusNotification(r)),
        StartTransactionRequest r => Box(grain.StartTransaction(r)),
        StopTransactionRequest r => Box(grain.StopTransaction(r)),
        BootNotificationRequest r => Box(grain.BootNotification(r)),
        AuthorizeRequest r => Box(grain.Authorize(r)),
        DataTransferRequest r => Box(grain.DataTransfer(r)),
        DiagnosticsStatusNotificationRequest r => Box(grain.DiagnosticsStatusNotification(r)),
        FirmwareStatusNotificationRequest r => Box(grain.FirmwareStatusNotification(r)),
        SecurityEventNotificationRequest r => Box(grain.SecurityEventNotification(r)),
        SignCertificateRequest r => Box(grain.SignCertificate(r)),
        LogStatusNotificationRequest r => Box(grain.LogStatusNotification(r)),
        SignedFirmwareStatusNotificationRequest r => Box(grain.SignedFirmwareStatusNotification(r)),
        // The protocol layer answers NotSupported for actions a charger may not send, so this is a bug.
        _ => throw new InvalidOperationException($"No grain method for {request.Action}."),
    };

    private static async Task<IOcppResponse> Box<T>(Task<T> call)
        where T : IOcppResponse => await call;
}
