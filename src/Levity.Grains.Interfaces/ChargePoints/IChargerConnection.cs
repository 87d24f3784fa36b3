using Levity.Ocpp.Messages;
using Levity.Runtime;

namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>
/// A charger's live WebSocket session, handed to its grain as an observer so the grain can send
/// server-initiated calls. Both methods fail with the OCPP call exceptions (CALLERROR, timeout,
/// connection closed).
/// </summary>
public interface IChargerConnection : IGrainObserver
{
    /// <summary>Sends a typed request; returns the charger's validated response record.</summary>
    Task<IOcppResponse> Call(IOcppRequest request);

    /// <summary>Sends a raw JSON payload (schema-checked) and returns the raw JSON answer.</summary>
    Task<string> CallRaw(string action, string payloadJson);
}
