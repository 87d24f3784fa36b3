using System.Collections.Concurrent;
using Levity.Grains.Diagnostics;
using Levity.Ocpp.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Grains.Plugins.BuiltIn;

/// <summary>
/// Starts charging when a cable is plugged in (single-owner chargers without RFID): a connector
/// reporting Preparing gets, after the delay, RemoteStartTransaction with the configured idTag —
/// unless by then it left Preparing, reported anything newer, or has a transaction.
/// </summary>
public sealed partial class AutoRemoteStartPlugin(
    IOptions<AutoRemoteStartOptions> options,
    TimeProvider time,
    ILogger<AutoRemoteStartPlugin> logger) : IChargePointPlugin, IAfterHook<StatusNotificationRequest, StatusNotificationResponse>
{
    private readonly AutoRemoteStartOptions _options = options.Value;

    // Newest StatusNotification per connector: a Preparing whose wait was overtaken by any newer status does nothing.
    private readonly ConcurrentDictionary<(string ChargePointId, int ConnectorId), long> _latest = new();
    private long _sequence;

    public async ValueTask AfterAsync(PluginContext<StatusNotificationRequest, StatusNotificationResponse> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connectorId = context.Request.ConnectorId;
        if (connectorId <= 0)
        {
            return;
        }

        var key = (context.ChargePointId, connectorId);
        var mine = Interlocked.Increment(ref _sequence);
        _latest[key] = mine;
        if (context.Request.Status != ChargePointStatus.Preparing)
        {
            return;
        }

        await Task.Delay(_options.Delay, time, cancellationToken);
        var state = await context.GetStateAsync();
        var connector = state.Connectors.FirstOrDefault(c => c.ConnectorId == connectorId);
        if (_latest.TryGetValue(key, out var latest) && latest != mine || connector?.Status != "Preparing")
        {
            Log.Skipped(logger, context.ChargePointId, connectorId, "the connector left Preparing");
            return;
        }

        if (state.OpenTransactions.Any(t => t.ConnectorId == connectorId))
        {
            Log.Skipped(logger, context.ChargePointId, connectorId, "a transaction is already active");
            return;
        }

        try
        {
            var answer = await context.CallAsync(new RemoteStartTransactionRequest(_options.IdTag, connectorId));
            if (answer.Status == RemoteStartStopStatus.Accepted)
            {
                Log.Started(logger, context.ChargePointId, connectorId, _options.IdTag);
            }
            else
            {
                Log.Rejected(logger, context.ChargePointId, connectorId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted by the grain under ocpp_central_call_errors_total.
            Log.Failed(logger, context.ChargePointId, connectorId, CentralCallMetrics.ErrorType(e), e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "AutoRemoteStart: charger {ChargePointId} connector {ConnectorId} accepted RemoteStartTransaction for {IdTag}")]
        public static partial void Started(ILogger logger, string chargePointId, int connectorId, string idTag);

        [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "AutoRemoteStart: charger {ChargePointId} connector {ConnectorId} rejected RemoteStartTransaction")]
        public static partial void Rejected(ILogger logger, string chargePointId, int connectorId);

        [LoggerMessage(EventId = 412, Level = LogLevel.Warning, Message = "AutoRemoteStart: RemoteStartTransaction to charger {ChargePointId} connector {ConnectorId} failed ({ErrorType}): {Reason}")]
        public static partial void Failed(ILogger logger, string chargePointId, int connectorId, string errorType, string reason);

        [LoggerMessage(EventId = 413, Level = LogLevel.Debug, Message = "AutoRemoteStart: charger {ChargePointId} connector {ConnectorId} not started: {Reason}")]
        public static partial void Skipped(ILogger logger, string chargePointId, int connectorId, string reason);
    }
}
