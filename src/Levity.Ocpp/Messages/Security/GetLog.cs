using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetLog.req: asks the charge point to upload a diagnostics or security log. Sent by the central
/// system to the charge point.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocpp.GetLogRequest")]
public sealed record GetLogRequest(
    LogParameters Log,
    LogType LogType,
    int RequestId,
    int? Retries = null,
    int? RetryInterval = null) : IOcppRequest<GetLogResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetLog;
}

/// <summary>GetLog.conf: the answer to <see cref="GetLogRequest"/>.</summary>
/// <remarks>Schema limits: filename at most 255 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.GetLogResponse")]
public sealed record GetLogResponse(
    LogStatus Status,
    string? Filename = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetLog;
}
