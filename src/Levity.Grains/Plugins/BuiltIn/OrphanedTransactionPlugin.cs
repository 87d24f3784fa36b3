using Levity.Ocpp.Messages;

namespace Levity.Grains.Plugins.BuiltIn;

/// <summary>
/// Closes transactions the charger will never stop (always on): before a StartTransaction, the
/// open ones on that connector (reason Other); on a BootNotification, all of the charger's open
/// ones (reason Reboot). meterStop is the last energy reading (meterStart without one), and the
/// energy counts in the totals. Runs inside the charger's turn, through the grain itself.
/// </summary>
public sealed class OrphanedTransactionPlugin : IChargePointPlugin, IBeforeHook<StartTransactionRequest>, IBeforeHook<BootNotificationRequest>
{
    public async ValueTask BeforeAsync(PluginContext<StartTransactionRequest> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // A retransmitted StartTransaction is answered with its own open transaction: not an orphan.
        if (context.Grain is { } grain && context.State.OpenTransactions.Any(t => t.ConnectorId == request.ConnectorId && !IsSameStart(t, request)))
        {
            await grain.CloseOrphansAsync(request.ConnectorId, "Other", except: t => IsSameStart(t, request), cancellationToken);
        }
    }

    public async ValueTask BeforeAsync(PluginContext<BootNotificationRequest> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Grain is { } grain && context.State.OpenTransactions.Count > 0)
        {
            await grain.CloseOrphansAsync(connectorId: null, "Reboot", except: null, cancellationToken);
        }
    }

    private static bool IsSameStart(Interfaces.ChargePoints.ActiveTransaction open, StartTransactionRequest request) =>
        open.ConnectorId == request.ConnectorId && open.IdTag == request.IdTag && open.MeterStart == request.MeterStart && open.StartTime == request.Timestamp;
}
