using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Sampled values taken at one point in time.</summary>
[JsonConverter(typeof(MeterValueConverter))]
[GenerateSerializer, Immutable, Alias("ocpp.MeterValue")]
public sealed record MeterValue(
    DateTimeOffset Timestamp,
    IReadOnlyList<SampledValue> SampledValue);
