using System.Text.Json.Serialization;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>
/// MeterValues.req: periodic or triggered meter samples, for a connector and optionally a
/// transaction. Sent by the charge point to the central system.
/// </summary>
[JsonConverter(typeof(MeterValuesRequestConverter))]
[GenerateSerializer, Immutable, Alias("ocpp.MeterValuesRequest")]
public sealed record MeterValuesRequest(
    int ConnectorId,
    IReadOnlyList<MeterValue> MeterValue,
    int? TransactionId = null) : IOcppRequest<MeterValuesResponse>
{
    OcppAction IOcppRequest.Action => OcppAction.MeterValues;
}

/// <summary>MeterValues.conf: the answer to <see cref="MeterValuesRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocpp.MeterValuesResponse")]
public sealed record MeterValuesResponse : IOcppResponse
{
    OcppAction IOcppResponse.Action => OcppAction.MeterValues;
}
