using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Whether an idTag may charge.</summary>
[JsonConverter(typeof(OcppEnumConverter<AuthorizationStatus>))]
[GenerateSerializer, Alias("ocpp.AuthorizationStatus")]
public enum AuthorizationStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}
