using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>The central system's answer to a BootNotification.</summary>
[JsonConverter(typeof(OcppEnumConverter<RegistrationStatus>))]
[GenerateSerializer, Alias("ocpp.RegistrationStatus")]
public enum RegistrationStatus
{
    Accepted,
    Pending,
    Rejected,
}
