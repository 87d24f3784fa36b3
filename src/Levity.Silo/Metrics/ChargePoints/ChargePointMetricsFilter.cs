using Levity.Grains.Diagnostics;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Silo.Metrics.ChargePoints;

/// <summary>
/// Feeds <see cref="ChargePointMetrics"/> from the calls on ChargePointGrain, as a silo-wide
/// grain-call filter registered before the plugins' (so handling time includes the Before and On hooks). Runs inside
/// the charger's turn, so one charger's series are written by one call at a time.
/// </summary>
internal sealed class ChargePointMetricsFilter(ChargePointMetrics metrics) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var call = context.Request;
        if (call.GetInterfaceType() != typeof(IChargePointGrain))
        {
            await context.Invoke();
            return;
        }

        var charger = metrics.For(context.TargetId);
        switch (call.GetArgumentCount() > 0 ? call.GetArgument(0) : null)
        {
            case IOcppRequest when context.MethodName is not (nameof(IChargePointGrain.CallCharger) or nameof(IChargePointGrain.CallChargerRaw)):
                await MessageAsync(context, charger);
                break;
            case ChargerConnectionInfo connection:
                await context.Invoke();
                charger.SessionOpened(connection.Generation);
                break;
            case long generation when context.MethodName == nameof(IChargePointGrain.Disconnected):
                await context.Invoke();
                if (charger.SessionClosed(generation))
                {
                    metrics.Disconnected(charger);
                }

                break;
            default:
                await context.Invoke();
                break;
        }
    }

    private async Task MessageAsync(IIncomingGrainCallContext context, ChargerSeries charger)
    {
        var started = metrics.TimeProvider.GetTimestamp();
        charger.LastMessageAt = metrics.UnixNow;
        try
        {
            await context.Invoke();
        }
        finally
        {
            metrics.MessageHandled(charger, context.MethodName, metrics.TimeProvider.GetElapsedTime(started));
        }

        switch (context.Result)
        {
            case HeartbeatResponse:
                charger.LastHeartbeatAt = metrics.UnixNow;
                break;
            case BootNotificationResponse:
                metrics.Booted(charger);
                break;
        }
    }
}
