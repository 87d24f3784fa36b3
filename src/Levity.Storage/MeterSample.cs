namespace Levity.Storage;

/// <summary>
/// One sampled value of an OCPP MeterValues or StopTransaction.transactionData message. Optional
/// fields left null take the OCPP defaults, which are also the Python schema's column defaults.
/// </summary>
public readonly record struct MeterSample(
    DateTimeOffset Timestamp,
    double Value,
    string? Measurand = null,
    string? Unit = null,
    string? Context = null,
    string? Location = null,
    string? Phase = null,
    string? Format = null)
{
    public const string EnergyRegister = "Energy.Active.Import.Register";
    public const string DefaultUnit = "Wh";
    public const string DefaultContext = "Sample.Periodic";
    public const string DefaultLocation = "Outlet";
    public const string DefaultFormat = "Raw";
}
