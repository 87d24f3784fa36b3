using Levity.Grains.Authorization;
using Levity.Grains.Diagnostics;
using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Plugins;
using Levity.Ocpp.Messages;
using Levity.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Levity.Grains.ChargePoints;

/// <summary>
/// The live state of one charger and the single writer of its rows. Orleans runs its messages
/// one turn at a time, so the fields below need no locks; every answer is returned only after the
/// store has committed what the message changed. It stays active while its charger is connected
/// and is collected when idle after that (its state is reloaded from the store at activation).
/// </summary>
// The silo whose Kestrel holds a charger's WebSocket hosts its grain: no network hop per message.
[PreferLocalPlacement]
public sealed partial class ChargePointGrain(
    IStoreWriter store,
    IStoreReader records,
    PluginRegistry plugins,
    PluginRunner pluginRunner,
    CentralCallMetrics callMetrics,
    ChargePointMetrics stateMetrics,
    IdTagDirectory idTags,
    TimeProvider time,
    IOptions<ChargePointOptions> options,
    ILogger<ChargePointGrain> logger) : Grain, IChargePointGrain
{
    private readonly ChargePointOptions _options = options.Value;
    private readonly Dictionary<int, ConnectorState> _connectors = [];
    private readonly Dictionary<int, ActiveTransaction> _openTransactions = [];
    private string _id = string.Empty;
    private ChargePointIdentity _identity = new(string.Empty, string.Empty);
    // The last status the charger reported on any connector (0 included): what the API, the CLI
    // and ocpp_cp_status show. A Grizzl-E reports only on connector 1, never on 0.
    private string _status = "Unknown";
    private ChargerConnectionInfo? _connection;
    private IChargerConnection? _channel;
    private DateTimeOffset? _lastBootAt;
    private DateTimeOffset? _lastHeartbeatAt;
    private DateTimeOffset? _lastMessageAt;
    private string? _diagnosticsStatus;
    private DateTimeOffset? _diagnosticsStatusAt;
    private string? _firmwareStatus;
    private DateTimeOffset? _firmwareStatusAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        var snapshot = await records.LoadChargePointAsync(_id, cancellationToken);
        if (snapshot is null)
        {
            return;
        }

        var cp = snapshot.ChargePoint;
        _identity = new ChargePointIdentity(cp.Vendor, cp.Model, cp.SerialNumber, cp.FirmwareVersion, cp.Iccid, cp.Imsi);
        _status = cp.Status;
        _lastBootAt = cp.LastBootAt;
        _lastHeartbeatAt = cp.LastHeartbeatAt;
        await LoadMaintenanceStatusAsync(cancellationToken);
        foreach (var c in snapshot.Connectors)
        {
            _connectors[c.ConnectorId] = new ConnectorState(c.ConnectorId, c.Status, c.ErrorCode, c.UpdatedAt);
        }

        if (_connectors.Values.Where(c => c.UpdatedAt is not null).MaxBy(c => c.UpdatedAt) is { } latest)
        {
            _status = latest.Status;
        }

        if (_status != "Unknown")
        {
            stateMetrics.RestoreStatus(_id, _status);
        }

        // Transactions stay open across restarts: the charger may still be charging and stop later.
        foreach (var open in snapshot.OpenTransactions)
        {
            var tx = open.Transaction;
            var active = new ActiveTransaction(
                tx.Id, tx.ConnectorId ?? 0, tx.IdTag, tx.StartTime ?? DateTimeOffset.MinValue, tx.MeterStart, null, open.LastEnergy?.Timestamp);
            _openTransactions[tx.Id] = open.LastEnergy is { } e
                ? active with { LastEnergyWh = RegisterWh(active, MeterSamples.ToWattHours(e.Value, e.Unit)) }
                : active;
        }

        Log.Activated(logger, _id, _openTransactions.Count);
    }

    public async Task Connected(ChargerConnectionInfo connection, IChargerConnection channel)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_connection is { } current && current.Generation > connection.Generation)
        {
            // Orleans does not order calls from different callers: a replaced session's Connected
            // can arrive after its successor's. The newer session stays.
            Log.StaleConnect(logger, _id, connection.Generation, current.Generation);
            return;
        }

        _connection = connection;
        _channel = channel;
        // A connected charger's grain stays active: its live state is what the metrics and the API read.
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        await RecordConnectionAsync(connected: true, connection.ConnectedAt);
        stateMetrics.Connected(_id, _openTransactions.Values.Select(t => (t.ConnectorId, (t.LastEnergyWh ?? t.MeterStart) - t.MeterStart)));
        await pluginRunner.ConnectedAsync(_id, this.AsReference<IChargePointGrain>(), plugins.Plugins);
        await ResetLoadAsync();
    }

    public async Task Disconnected(long generation)
    {
        if (_connection is null || _connection.Generation != generation)
        {
            Log.StaleDisconnect(logger, _id, generation, _connection?.Generation);
            return;
        }

        _connection = null;
        _channel = null;
        // Back to the regular idle collection.
        DelayDeactivation(TimeSpan.Zero);
        await RecordConnectionAsync(connected: false, time.GetUtcNow());
        await pluginRunner.DisconnectedAsync(_id, this.AsReference<IChargePointGrain>(), plugins.Plugins);
        await ResetLoadAsync();
    }

    /// <summary>
    /// The connected flag and time are bookkeeping, not billing: when the database cannot take
    /// them (disk failing, locked), the charger stays connected and its messages are answered
    /// with CALLERRORs until the store recovers, instead of it being dropped at every reconnect.
    /// </summary>
    private async Task RecordConnectionAsync(bool connected, DateTimeOffset at)
    {
        try
        {
            await store.RecordConnectionAsync(_id, connected, at);
        }
        catch (StoreWriteException e)
        {
            Log.ConnectionNotRecorded(logger, e, _id, connected);
        }
    }

    public Task<ChargePointState> GetState() => Task.FromResult(Snapshot());

    /// <summary>The live state as an immutable record (arrays, which Orleans' serializer knows).</summary>
    private ChargePointState Snapshot() => new(
        _id,
        _connection is not null,
        _connection,
        _identity.Vendor,
        _identity.Model,
        _identity.SerialNumber,
        _identity.FirmwareVersion,
        _status,
        _lastBootAt,
        _lastHeartbeatAt,
        _lastMessageAt,
        _connectors.Values.OrderBy(c => c.ConnectorId).ToArray(),
        _openTransactions.Values.OrderBy(t => t.TransactionId).ToArray(),
        _diagnosticsStatus,
        _firmwareStatus,
        _diagnosticsStatusAt,
        _firmwareStatusAt,
        LoadView());

    public async Task<IOcppResponse> CallCharger(IOcppRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Action.ToString();
        try
        {
            var response = await CallAndRecord(request);
            callMetrics.Answered(_id, response);
            return response;
        }
        catch (Exception e)
        {
            callMetrics.Failed(_id, action, e);
            throw;
        }
    }

    public async Task<string> CallChargerRaw(string action, string payloadJson)
    {
        try
        {
            var response = await CallRawAndRecord(action, payloadJson);
            callMetrics.Answered(_id, action, System.Text.Encoding.UTF8.GetBytes(response));
            return response;
        }
        catch (Exception e)
        {
            callMetrics.Failed(_id, action, e);
            throw;
        }
    }

    private ChargerNotConnectedException NotConnected() => new($"Charger {_id} is not connected.");

    /// <summary>Every charger message passes here first.</summary>
    private DateTimeOffset Touch()
    {
        var now = time.GetUtcNow();
        _lastMessageAt = now;
        return now;
    }
}
