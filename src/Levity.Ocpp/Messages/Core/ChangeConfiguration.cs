using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ChangeConfiguration.req: sets one configuration key on the charge point. Sent by the central
/// system to the charge point.
/// </summary>
/// <remarks>Schema limits: key at most 50 characters; value at most 500 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.ChangeConfigurationRequest")]
public sealed record ChangeConfigurationRequest(
    string Key,
    string Value) : IOcppRequest<ChangeConfigurationResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ChangeConfiguration;
}

/// <summary>ChangeConfiguration.conf: the answer to <see cref="ChangeConfigurationRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ChangeConfigurationResponse")]
public sealed record ChangeConfigurationResponse(
    ConfigurationStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ChangeConfiguration;
}
