using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetConfiguration.req: reads configuration keys (all of them when key is absent). Sent by the
/// central system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetConfigurationRequest")]
public sealed record GetConfigurationRequest(
    IReadOnlyList<string>? Key = null) : IOcppRequest<GetConfigurationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetConfiguration;
}

/// <summary>GetConfiguration.conf: the answer to <see cref="GetConfigurationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetConfigurationResponse")]
public sealed record GetConfigurationResponse(
    IReadOnlyList<KeyValue>? ConfigurationKey = null,
    IReadOnlyList<string>? UnknownKey = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetConfiguration;
}
