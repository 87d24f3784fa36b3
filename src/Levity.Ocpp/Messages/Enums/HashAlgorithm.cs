using System.Text.Json.Serialization;
using Levity.Ocpp.Serialization;

namespace Levity.Ocpp.Messages;

/// <summary>Hash algorithm of certificate hash data.</summary>
[JsonConverter(typeof(OcppEnumConverter<HashAlgorithm>))]
[GenerateSerializer, Alias("ocpp.HashAlgorithm")]
public enum HashAlgorithm
{
    [JsonStringEnumMemberName("SHA256")]
    Sha256,

    [JsonStringEnumMemberName("SHA384")]
    Sha384,

    [JsonStringEnumMemberName("SHA512")]
    Sha512,
}
