using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// ClearCache.req: clears the charge point's authorization cache. Sent by the central system to the
/// charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.ClearCacheRequest")]
public sealed record ClearCacheRequest : IOcppRequest<ClearCacheResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.ClearCache;
}

/// <summary>ClearCache.conf: the answer to <see cref="ClearCacheRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.ClearCacheResponse")]
public sealed record ClearCacheResponse(
    ClearCacheStatus Status) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.ClearCache;
}
