namespace Levity.Reports;

/// <summary>
/// What a charger's in-transaction MeterValues energy readings mean. OCPP says the register is
/// the meter's lifetime total (as in Start/StopTransaction); some firmware (Grizzl-E, per public
/// issue trackers) sends energy counted from the session's start instead.
/// </summary>
public enum MeterConvention
{
    /// <summary>Readings are the lifetime register: about meterStart at the start, meterStop at the end.</summary>
    LifetimeRegister,

    /// <summary>Readings count from the session's start: about 0 at the start, meterStop − meterStart at the end.</summary>
    SessionRelative,
}
