namespace Levity.Storage;

/// <summary>A <c>cp_conn</c> row: the last status a connector (1, 2, ...) reported.</summary>
public sealed record ConnectorRecord(
    int ConnectorId,
    string Status,
    string ErrorCode,
    string VendorErrorCode,
    DateTimeOffset? UpdatedAt);
