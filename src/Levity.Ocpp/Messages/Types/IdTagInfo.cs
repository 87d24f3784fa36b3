namespace Levity.Ocpp.Messages;

/// <summary>
/// Authorization status of an idTag, as returned by Authorize, StartTransaction and
/// StopTransaction.
/// </summary>
/// <remarks>Schema limits: parentIdTag at most 20 characters.</remarks>
[GenerateSerializer, Immutable, Alias("ocpp.IdTagInfo")]
public sealed record IdTagInfo(
    AuthorizationStatus Status,
    DateTimeOffset? ExpiryDate = null,
    string? ParentIdTag = null);
