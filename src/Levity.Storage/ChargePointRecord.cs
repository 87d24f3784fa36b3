namespace Levity.Storage;

/// <summary>A <c>cp</c> row. Times are null when never recorded or not parseable.</summary>
public sealed record ChargePointRecord(
    string Id,
    string Name,
    string Vendor,
    string Model,
    string SerialNumber,
    string FirmwareVersion,
    string Iccid,
    string Imsi,
    string Status,
    bool IsConnected,
    DateTimeOffset? LastHeartbeatAt,
    DateTimeOffset? LastBootAt,
    DateTimeOffset? LastConnectAt,
    DateTimeOffset? LastTransactionStartAt,
    DateTimeOffset? LastTransactionStopAt);
