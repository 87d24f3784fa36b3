using Levity.Grains.Plugins;
using Levity.Ocpp.Messages;
using Levity.Storage.Registry;

namespace Levity.Silo.Security;

/// <summary>
/// Keeps every SecurityEventNotification and SignCertificate a charger sends in
/// <c>security_event</c> (GET /api/security-events), inside the charger's turn, so the record is
/// committed before the charger gets its answer. Always on.
/// </summary>
public sealed class SecurityRecordPlugin(IChargerRegistry registry) : IChargePointPlugin,
    IOnHook<SecurityEventNotificationRequest, SecurityEventNotificationResponse>,
    IOnHook<SignCertificateRequest, SignCertificateResponse>
{
    public async ValueTask OnAsync(PluginContext<SecurityEventNotificationRequest, SecurityEventNotificationResponse> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        await registry.RecordSecurityEventAsync(
            new SecurityRecord(context.ChargePointId, "SecurityEventNotification", request.Type, request.Timestamp, request.TechInfo, null, null),
            cancellationToken);
    }

    public async ValueTask OnAsync(PluginContext<SignCertificateRequest, SignCertificateResponse> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await registry.RecordSecurityEventAsync(
            new SecurityRecord(context.ChargePointId, "SignCertificate", null, null, null, context.Request.Csr, context.Response.Status.ToString()),
            cancellationToken);
    }
}
