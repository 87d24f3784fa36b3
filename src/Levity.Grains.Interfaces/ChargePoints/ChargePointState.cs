namespace Levity.Grains.Interfaces.ChargePoints;

/// <summary>
/// What the grain knows about its charger right now. <see cref="Status"/> is the last status the
/// charger reported on any connector (connector 0 included), the value of <c>ocpp_cp_status</c>.
/// The diagnostics and firmware statuses are the last the charger reported, with when they came
/// (kept in the database, so they survive a restart). <see cref="Load"/> is the charger's part in
/// load management (its site, how it is limited, each connector's limit and why), null when it is
/// in no load group.
/// </summary>
[GenerateSerializer, Immutable, Alias("levity.ChargePointState")]
public sealed record ChargePointState(
    string ChargePointId,
    bool IsConnected,
    ChargerConnectionInfo? Connection,
    string Vendor,
    string Model,
    string? SerialNumber,
    string? FirmwareVersion,
    string Status,
    DateTimeOffset? LastBootAt,
    DateTimeOffset? LastHeartbeatAt,
    DateTimeOffset? LastMessageAt,
    IReadOnlyList<ConnectorState> Connectors,
    IReadOnlyList<ActiveTransaction> OpenTransactions,
    string? DiagnosticsStatus,
    string? FirmwareStatus,
    DateTimeOffset? DiagnosticsStatusAt = null,
    DateTimeOffset? FirmwareStatusAt = null,
    LoadManagement.ChargerLoadView? Load = null);

/// <summary>The last status a connector (1, 2, ...) reported.</summary>
[GenerateSerializer, Immutable, Alias("levity.ConnectorState")]
public sealed record ConnectorState(int ConnectorId, string Status, string ErrorCode, DateTimeOffset? UpdatedAt);

/// <summary>An open transaction with its latest energy-register reading (Wh).</summary>
[GenerateSerializer, Immutable, Alias("levity.ActiveTransaction")]
public sealed record ActiveTransaction(
    int TransactionId,
    int ConnectorId,
    string IdTag,
    DateTimeOffset StartTime,
    long MeterStart,
    double? LastEnergyWh,
    DateTimeOffset? LastEnergyAt);
