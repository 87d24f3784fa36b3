using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of ClearCache.</summary>
[JsonConverter(typeof(OcppEnumConverter<ClearCacheStatus>))]
[GenerateSerializer, Alias("ocpp.ClearCacheStatus")]
public enum ClearCacheStatus
{
    Accepted,
    Rejected,
}
