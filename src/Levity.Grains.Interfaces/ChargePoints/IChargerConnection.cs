using Levity.Ocpp.Messages;
using Orleans.Concurrency;

namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>
/// A charger's live WebSocket session, handed to its grain as an observer (made with
/// <c>CreateObjectReference</c>) so the grain can send server-initiated calls. Both methods fail
/// with the OCPP call exceptions (CALLERROR, timeout, connection closed).
/// </summary>
/// <remarks>
/// Both interleave: Orleans otherwise runs an observer's calls one at a time, so a second call
/// would wait in Orleans' queue behind the first one's answer. The session keeps its own queue
/// (one outstanding CALL per direction, as OCPP-J requires) with a bound and a timeout per call.
/// </remarks>
[Alias("levity.IChargerConnection")]
public interface IChargerConnection : IGrainObserver
{
    /// <summary>Sends a typed request; returns the charger's validated response record.</summary>
    [AlwaysInterleave]
    Task<IOcppResponse> Call(IOcppRequest request);

    /// <summary>Sends a raw JSON payload (schema-checked) and returns the raw JSON answer.</summary>
    [AlwaysInterleave]
    Task<string> CallRaw(string action, string payloadJson);
}
