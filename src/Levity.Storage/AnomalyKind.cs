namespace Levity.Storage;

/// <summary>Kinds of <c>anomaly</c> rows; the name is what the <c>kind</c> column holds.</summary>
public enum AnomalyKind
{
    /// <summary>A StopTransaction or MeterValues named a transaction id that does not exist.</summary>
    UnknownTransaction,

    /// <summary>A StopTransaction or MeterValues named another charger's transaction.</summary>
    ForeignTransaction,

    /// <summary>A repeated StopTransaction carried a different meterStop than the stored one.</summary>
    ConflictingStop,

    /// <summary>meterStop was below meterStart (meter replaced or reset): energy_delivered is stored as 0, the raw readings are kept.</summary>
    NegativeEnergy,

    /// <summary>The server closed a transaction the charger never stopped (estimated meterStop).</summary>
    OrphanClosed,

    /// <summary>Anything else a caller wants kept for review.</summary>
    Other,
}
