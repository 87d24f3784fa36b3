namespace Levity.Ocpp;

/// <summary>The two ends of an OCPP 1.6 connection.</summary>
public enum OcppRole
{
    /// <summary>The server (CSMS): Levity.</summary>
    CentralSystem,

    /// <summary>The charger.</summary>
    ChargePoint,
}
