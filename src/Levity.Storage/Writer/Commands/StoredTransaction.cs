namespace Levity.Storage.Writer.Commands;

/// <summary>What the writer needs to know about an existing <c>tx</c> row.</summary>
internal readonly record struct StoredTransaction(
    string ChargePointId,
    string Status,
    long MeterStart,
    long? MeterStop,
    long? EnergyDelivered,
    int? ConnectorId);
