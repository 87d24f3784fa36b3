using System.Text;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Ocpp.Messages;

namespace Levity.Silo.Gateway;

/// <summary>The grain's calls to its charger (the session as an <see cref="IChargerConnection"/> observer).</summary>
public sealed partial class ChargerSession
{
    public Task<IOcppResponse> Call(IOcppRequest request) => _protocol.Calls.CallAsync(request);

    public async Task<string> CallRaw(string action, string payloadJson)
    {
        var answer = await _protocol.Calls.CallRawAsync(action, Encoding.UTF8.GetBytes(payloadJson));
        return Encoding.UTF8.GetString(answer.Span);
    }
}
