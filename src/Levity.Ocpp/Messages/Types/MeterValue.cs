namespace Levity.Ocpp.Messages;

/// <summary>Sampled values taken at one point in time.</summary>
public sealed record MeterValue(
    DateTimeOffset Timestamp,
    IReadOnlyList<SampledValue> SampledValue);
