using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Why a meter value was sampled.</summary>
[JsonConverter(typeof(OcppEnumConverter<ReadingContext>))]
[GenerateSerializer, Alias("ocpp.ReadingContext")]
public enum ReadingContext
{
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,

    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,

    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,

    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,

    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,

    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,

    Trigger,

    Other,
}
