using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>Authorize.req: asks whether an idTag may charge. Sent by the charge point to the central system.</summary>
/// <remarks>Schema limits: idTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.AuthorizeRequest")]
public sealed record AuthorizeRequest(
    string IdTag) : IOcppRequest<AuthorizeResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.Authorize;
}

/// <summary>Authorize.conf: the answer to <see cref="AuthorizeRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.AuthorizeResponse")]
public sealed record AuthorizeResponse(
    IdTagInfo IdTagInfo) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.Authorize;
}
