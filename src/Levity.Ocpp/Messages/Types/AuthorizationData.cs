namespace Levity.Ocpp.Messages;

/// <summary>One entry of a local authorization list.</summary>
/// <remarks>Schema limits: idTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.AuthorizationData")]
public sealed record AuthorizationData(
    string IdTag,
    IdTagInfo? IdTagInfo = null);
