namespace Levity.Ocpp.Framing;

/// <summary>The first element of every OCPP-J frame.</summary>
public enum OcppMessageTypeId
{
    Call = 2,
    CallResult = 3,
    CallError = 4,
}
