using System.Text;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Sessions;

namespace Levity.Silo.Gateway;

/// <summary>The grain's handle on a session's server-initiated calls (an observer object).</summary>
internal sealed class ChargerChannel(OcppSession protocol) : IChargerConnection
{
    public Task<IOcppResponse> Call(IOcppRequest request) => protocol.Calls.CallAsync(request);

    public async Task<string> CallRaw(string action, string payloadJson)
    {
        var answer = await protocol.Calls.CallRawAsync(action, Encoding.UTF8.GetBytes(payloadJson));
        return Encoding.UTF8.GetString(answer.Span);
    }
}
