namespace Levity.Storage;

/// <summary>
/// A StatusNotification. Connector 0 is the charger itself (stored in <c>cp.status</c>); an
/// <see cref="ErrorCode"/> other than <c>NoError</c> opens a <c>cp_err</c> row.
/// </summary>
public sealed record ConnectorStatusReport(
    int ConnectorId,
    string Status,
    string ErrorCode,
    DateTimeOffset? Timestamp = null,
    string? Info = null,
    string? VendorId = null,
    string? VendorErrorCode = null)
{
    public const string NoError = "NoError";
}
