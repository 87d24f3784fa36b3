namespace Levity.Ocpp.Messages;

/// <summary>A signed firmware image and where to fetch it.</summary>
/// <remarks>
/// Schema limits: location at most 512 characters; signingCertificate at most 5500 characters;
/// signature at most 800 characters.
/// </remarks>
[GenerateSerializer, Immutable, Alias("ocpp.Firmware")]
public sealed record Firmware(
    string Location,
    DateTimeOffset RetrieveDateTime,
    string SigningCertificate,
    string Signature,
    DateTimeOffset? InstallDateTime = null);
