using Microsoft.Extensions.Logging;

namespace Levity.Grains.LoadManagement;

public sealed partial class LoadGroupGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1810, Level = LogLevel.Information, Message = "Load site {Site}: {Groups} groups, {Chargers} chargers")]
        public static partial void Activated(ILogger logger, string site, int groups, int chargers);

        [LoggerMessage(EventId = 1811, Level = LogLevel.Debug, Message = "Load site {Site}: {Charging} connectors allocated, {Paused} paused")]
        public static partial void Computed(ILogger logger, string site, int charging, int paused);

        [LoggerMessage(EventId = 1812, Level = LogLevel.Debug, Message = "Load site {Site}: ignored a report from {ChargePointId}, not one of its chargers")]
        public static partial void NotAMember(ILogger logger, string site, string chargePointId);

        [LoggerMessage(EventId = 1813, Level = LogLevel.Warning, Message = "Load site {Site}: charger {ChargePointId} did not report its state ({Why})")]
        public static partial void NoReport(ILogger logger, string site, string chargePointId, string why);

        [LoggerMessage(EventId = 1814, Level = LogLevel.Warning, Message = "Load site {Site}: charger {ChargePointId} connector {ConnectorId} draws {Drawn} A, more than the {Given} A it was given: its actual draw is counted")]
        public static partial void Overdrawing(ILogger logger, string site, string chargePointId, int connectorId, double drawn, double given);

        [LoggerMessage(EventId = 1815, Level = LogLevel.Information, Message = "Load site {Site}: charger {ChargePointId} connector {ConnectorId} draws within its allocation again")]
        public static partial void OverdrawEnded(ILogger logger, string site, string chargePointId, int connectorId);
    }
}
