using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Actions;

/// <summary>
/// The catalogue of all 39 OCPP 1.6 actions. Built once, on first use, with every official
/// schema compiled; lookups by name from the frame's bytes do not allocate.
/// </summary>
public static class OcppActions
{
    private const OcppDirection ToCentralSystem = OcppDirection.ChargePointToCentralSystem;
    private const OcppDirection ToChargePoint = OcppDirection.CentralSystemToChargePoint;
    private const OcppDirection Both = OcppDirection.Both;

    private static readonly OcppActionInfo[] ByAction = Build();

    // Candidates grouped by name length, so a lookup compares against one or two names.
    private static readonly OcppActionInfo[][] ByLength = GroupByLength(ByAction);

    /// <summary>All actions, indexed by <see cref="OcppAction"/>.</summary>
    public static IReadOnlyList<OcppActionInfo> All => ByAction;

    public static OcppActionInfo Get(OcppAction action) => ByAction[(int)action];

    /// <summary>Finds an action by its exact (case-sensitive) wire name.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8Name, [NotNullWhen(true)] out OcppActionInfo? info)
    {
        if ((uint)utf8Name.Length < (uint)ByLength.Length)
        {
            foreach (var candidate in ByLength[utf8Name.Length])
            {
                if (utf8Name.SequenceEqual(candidate.Utf8Name))
                {
                    info = candidate;
                    return true;
                }
            }
        }

        info = null;
        return false;
    }

    /// <inheritdoc cref="TryGet(ReadOnlySpan{byte}, out OcppActionInfo?)"/>
    public static bool TryGet(string name, [NotNullWhen(true)] out OcppActionInfo? info)
    {
        ArgumentNullException.ThrowIfNull(name);
        info = null;
        return name.Length < ByLength.Length && TryGet(Encoding.UTF8.GetBytes(name), out info);
    }

    private static OcppActionInfo[] Build()
    {
        var context = OcppJsonContext.Default;
        OcppActionInfo[] all =
        [
            Entry(OcppAction.Authorize, OcppProfile.Core, ToCentralSystem, context.AuthorizeRequest, context.AuthorizeResponse),
            Entry(OcppAction.BootNotification, OcppProfile.Core, ToCentralSystem, context.BootNotificationRequest, context.BootNotificationResponse),
            Entry(OcppAction.ChangeAvailability, OcppProfile.Core, ToChargePoint, context.ChangeAvailabilityRequest, context.ChangeAvailabilityResponse),
            Entry(OcppAction.ChangeConfiguration, OcppProfile.Core, ToChargePoint, context.ChangeConfigurationRequest, context.ChangeConfigurationResponse),
            Entry(OcppAction.ClearCache, OcppProfile.Core, ToChargePoint, context.ClearCacheRequest, context.ClearCacheResponse),
            Entry(OcppAction.DataTransfer, OcppProfile.Core, Both, context.DataTransferRequest, context.DataTransferResponse),
            Entry(OcppAction.GetConfiguration, OcppProfile.Core, ToChargePoint, context.GetConfigurationRequest, context.GetConfigurationResponse),
            Entry(OcppAction.Heartbeat, OcppProfile.Core, ToCentralSystem, context.HeartbeatRequest, context.HeartbeatResponse),
            Entry(OcppAction.MeterValues, OcppProfile.Core, ToCentralSystem, context.MeterValuesRequest, context.MeterValuesResponse),
            Entry(OcppAction.RemoteStartTransaction, OcppProfile.Core, ToChargePoint, context.RemoteStartTransactionRequest, context.RemoteStartTransactionResponse),
            Entry(OcppAction.RemoteStopTransaction, OcppProfile.Core, ToChargePoint, context.RemoteStopTransactionRequest, context.RemoteStopTransactionResponse),
            Entry(OcppAction.Reset, OcppProfile.Core, ToChargePoint, context.ResetRequest, context.ResetResponse),
            Entry(OcppAction.StartTransaction, OcppProfile.Core, ToCentralSystem, context.StartTransactionRequest, context.StartTransactionResponse),
            Entry(OcppAction.StatusNotification, OcppProfile.Core, ToCentralSystem, context.StatusNotificationRequest, context.StatusNotificationResponse),
            Entry(OcppAction.StopTransaction, OcppProfile.Core, ToCentralSystem, context.StopTransactionRequest, context.StopTransactionResponse),
            Entry(OcppAction.UnlockConnector, OcppProfile.Core, ToChargePoint, context.UnlockConnectorRequest, context.UnlockConnectorResponse),
            Entry(OcppAction.GetDiagnostics, OcppProfile.FirmwareManagement, ToChargePoint, context.GetDiagnosticsRequest, context.GetDiagnosticsResponse),
            Entry(OcppAction.DiagnosticsStatusNotification, OcppProfile.FirmwareManagement, ToCentralSystem, context.DiagnosticsStatusNotificationRequest, context.DiagnosticsStatusNotificationResponse),
            Entry(OcppAction.FirmwareStatusNotification, OcppProfile.FirmwareManagement, ToCentralSystem, context.FirmwareStatusNotificationRequest, context.FirmwareStatusNotificationResponse),
            Entry(OcppAction.UpdateFirmware, OcppProfile.FirmwareManagement, ToChargePoint, context.UpdateFirmwareRequest, context.UpdateFirmwareResponse),
            Entry(OcppAction.GetLocalListVersion, OcppProfile.LocalAuthListManagement, ToChargePoint, context.GetLocalListVersionRequest, context.GetLocalListVersionResponse),
            Entry(OcppAction.SendLocalList, OcppProfile.LocalAuthListManagement, ToChargePoint, context.SendLocalListRequest, context.SendLocalListResponse),
            Entry(OcppAction.CancelReservation, OcppProfile.Reservation, ToChargePoint, context.CancelReservationRequest, context.CancelReservationResponse),
            Entry(OcppAction.ReserveNow, OcppProfile.Reservation, ToChargePoint, context.ReserveNowRequest, context.ReserveNowResponse),
            Entry(OcppAction.ClearChargingProfile, OcppProfile.SmartCharging, ToChargePoint, context.ClearChargingProfileRequest, context.ClearChargingProfileResponse),
            Entry(OcppAction.GetCompositeSchedule, OcppProfile.SmartCharging, ToChargePoint, context.GetCompositeScheduleRequest, context.GetCompositeScheduleResponse),
            Entry(OcppAction.SetChargingProfile, OcppProfile.SmartCharging, ToChargePoint, context.SetChargingProfileRequest, context.SetChargingProfileResponse),
            Entry(OcppAction.TriggerMessage, OcppProfile.RemoteTrigger, ToChargePoint, context.TriggerMessageRequest, context.TriggerMessageResponse),
            Entry(OcppAction.CertificateSigned, OcppProfile.Security, ToChargePoint, context.CertificateSignedRequest, context.CertificateSignedResponse),
            Entry(OcppAction.DeleteCertificate, OcppProfile.Security, ToChargePoint, context.DeleteCertificateRequest, context.DeleteCertificateResponse),
            Entry(OcppAction.ExtendedTriggerMessage, OcppProfile.Security, ToChargePoint, context.ExtendedTriggerMessageRequest, context.ExtendedTriggerMessageResponse),
            Entry(OcppAction.GetInstalledCertificateIds, OcppProfile.Security, ToChargePoint, context.GetInstalledCertificateIdsRequest, context.GetInstalledCertificateIdsResponse),
            Entry(OcppAction.GetLog, OcppProfile.Security, ToChargePoint, context.GetLogRequest, context.GetLogResponse),
            Entry(OcppAction.InstallCertificate, OcppProfile.Security, ToChargePoint, context.InstallCertificateRequest, context.InstallCertificateResponse),
            Entry(OcppAction.LogStatusNotification, OcppProfile.Security, ToCentralSystem, context.LogStatusNotificationRequest, context.LogStatusNotificationResponse),
            Entry(OcppAction.SecurityEventNotification, OcppProfile.Security, ToCentralSystem, context.SecurityEventNotificationRequest, context.SecurityEventNotificationResponse),
            Entry(OcppAction.SignCertificate, OcppProfile.Security, ToCentralSystem, context.SignCertificateRequest, context.SignCertificateResponse),
            Entry(OcppAction.SignedFirmwareStatusNotification, OcppProfile.Security, ToCentralSystem, context.SignedFirmwareStatusNotificationRequest, context.SignedFirmwareStatusNotificationResponse),
            Entry(OcppAction.SignedUpdateFirmware, OcppProfile.Security, ToChargePoint, context.SignedUpdateFirmwareRequest, context.SignedUpdateFirmwareResponse),
        ];
        for (var i = 0; i < all.Length; i++)
        {
            if ((int)all[i].Action != i)
            {
                throw new InvalidOperationException($"{all[i].Name} is out of order in the action catalogue.");
            }
        }

        return all;
    }

    private static OcppActionInfo Entry(OcppAction action, OcppProfile profile, OcppDirection direction, JsonTypeInfo request, JsonTypeInfo response)
    {
        var name = action.ToString();
        return new OcppActionInfo(
            action,
            profile,
            direction,
            request,
            response,
            OcppSchemaResources.Load(name, $"{name}.req"),
            OcppSchemaResources.Load($"{name}Response", $"{name}.conf"));
    }

    private static OcppActionInfo[][] GroupByLength(OcppActionInfo[] all)
    {
        var longest = all.Max(a => a.Utf8Name.Length);
        var groups = new OcppActionInfo[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            groups[length] = [.. all.Where(a => a.Utf8Name.Length == length)];
        }

        return groups;
    }
}
