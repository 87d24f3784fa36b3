using Microsoft.Extensions.Logging;

namespace Levity.Grains.ChargePoints;

public sealed partial class ChargePointGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Charger {ChargePointId} activated with {OpenTransactions} open transactions")]
        public static partial void Activated(ILogger logger, string chargePointId, int openTransactions);

        [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: ignored disconnect of session {Generation} (current {Current})")]
        public static partial void StaleDisconnect(ILogger logger, string chargePointId, long generation, long? current);

        [LoggerMessage(EventId = 314, Level = LogLevel.Debug, Message = "Charger {ChargePointId}: connect of session {Generation} ignored, session {Current} is newer")]
        public static partial void StaleConnect(ILogger logger, string chargePointId, long generation, long current);

        [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Charger {ChargePointId} booted: {Vendor} {Model} firmware {Firmware}")]
        public static partial void Booted(ILogger logger, string chargePointId, string vendor, string model, string? firmware);

        [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "Charger {ChargePointId}: transaction {TransactionId} started on connector {ConnectorId} for {IdTag} at {MeterStart} Wh")]
        public static partial void Started(ILogger logger, string chargePointId, int transactionId, int connectorId, string idTag, int meterStart);

        [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Charger {ChargePointId}: transaction {TransactionId} stopped at {MeterStop} Wh, {EnergyWh} Wh delivered")]
        public static partial void Stopped(ILogger logger, string chargePointId, int transactionId, int meterStop, long? energyWh);

        [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: repeated StartTransaction answered with the same transaction {TransactionId}")]
        public static partial void RepeatedStart(ILogger logger, string chargePointId, int transactionId);

        [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: repeated StopTransaction for {TransactionId}; not counted again")]
        public static partial void RepeatedStop(ILogger logger, string chargePointId, int transactionId);

        [LoggerMessage(EventId = 307, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: {Action} names unknown transaction {TransactionId}; stored and flagged as an anomaly")]
        public static partial void UnknownTransaction(ILogger logger, string chargePointId, string action, int transactionId);

        [LoggerMessage(EventId = 308, Level = LogLevel.Information, Message = "Charger {ChargePointId}: DataTransfer from vendor {VendorId} (message {MessageId}) answered UnknownVendorId")]
        public static partial void DataTransfer(ILogger logger, string chargePointId, string vendorId, string? messageId);

        [LoggerMessage(EventId = 309, Level = LogLevel.Information, Message = "Charger {ChargePointId}: {Action} {Status}")]
        public static partial void Notification(ILogger logger, string chargePointId, string action, string status);

        [LoggerMessage(EventId = 310, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: security event {Type} at {Timestamp}: {TechInfo}")]
        public static partial void SecurityEvent(ILogger logger, string chargePointId, string type, DateTimeOffset timestamp, string? techInfo);

        [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: transaction {TransactionId} stopped at meterStop {MeterStop} Wh, below its meterStart {MeterStart} Wh (meter replaced or reset?); energy stored as 0, anomaly NegativeEnergy recorded, readings kept")]
        public static partial void NegativeEnergy(ILogger logger, string chargePointId, int transactionId, long? meterStart, int meterStop);

        [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: closed orphaned transaction {TransactionId} on connector {ConnectorId} ({Reason}) at {MeterStop} Wh, {EnergyWh} Wh delivered")]
        public static partial void OrphanClosed(ILogger logger, string chargePointId, int transactionId, int connectorId, string reason, long meterStop, long energyWh);

        [LoggerMessage(EventId = 399, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: connection state (connected = {Connected}) not recorded: the database refused the write")]
        public static partial void ConnectionNotRecorded(ILogger logger, Exception exception, string chargePointId, bool connected);
    }
}
