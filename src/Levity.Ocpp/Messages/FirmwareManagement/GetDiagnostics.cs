using Levity.Ocpp.Actions;

namespace Levity.Ocpp.Messages;

/// <summary>
/// GetDiagnostics.req: asks the charge point to upload a diagnostics file. Sent by the central
/// system to the charge point.
/// </summary>
/// <remarks>Schema limits: location an absolute URI.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.GetDiagnosticsRequest")]
public sealed record GetDiagnosticsRequest(
    string Location,
    int? Retries = null,
    int? RetryInterval = null,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? StopTime = null) : IOcppRequest<GetDiagnosticsResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.GetDiagnostics;
}

/// <summary>GetDiagnostics.conf: the answer to <see cref="GetDiagnosticsRequest"/>.</summary>
/// <remarks>Schema limits: fileName at most 255 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.GetDiagnosticsResponse")]
public sealed record GetDiagnosticsResponse(
    string? FileName = null) : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.GetDiagnostics;
}
