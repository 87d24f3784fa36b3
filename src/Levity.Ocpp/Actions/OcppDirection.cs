namespace Levity.Ocpp.Actions;

/// <summary>Which side may send the CALL of an action.</summary>
[Flags]
public enum OcppDirection
{
    ChargePointToCentralSystem = 1,
    CentralSystemToChargePoint = 2,

    /// <summary>DataTransfer only.</summary>
    Both = ChargePointToCentralSystem | CentralSystemToChargePoint,
}
