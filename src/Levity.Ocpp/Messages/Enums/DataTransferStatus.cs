using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Result of DataTransfer.</summary>
[JsonConverter(typeof(OcppEnumConverter<DataTransferStatus>))]
[GenerateSerializer, Alias("ocpp.DataTransferStatus")]
public enum DataTransferStatus
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}
