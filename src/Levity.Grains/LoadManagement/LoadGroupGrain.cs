using Levity.Grains.Interfaces.LoadManagement;
using Levity.Storage.LoadManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Grains.LoadManagement;

/// <summary>
/// One site (a top load group and the groups below it), keyed by the top group's name. Chargers'
/// grains tell it what changed; it recomputes the allocation once, <see cref="LoadManagementOptions.Debounce"/>
/// after the first change (so a burst is handled together and no event waits longer), and every
/// <see cref="LoadManagementOptions.Tick"/> while cars are charging (rotation, lease renewal,
/// overdraw timing). It keeps no state on disk: at activation it reads its groups and asks each
/// member charger's grain for its state, which is how it recovers after a restart.
/// </summary>
public sealed partial class LoadGroupGrain(
    ILoadGroupStore store,
    LoadMetrics metrics,
    IOptions<LoadManagementOptions> options,
    ILogger<LoadGroupGrain> logger) : Grain, ILoadGroupGrain
{
    private readonly LoadManagementOptions _options = options.Value;
    private readonly Dictionary<string, ChargerLoadReport> _chargers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ChargePointId, int ConnectorId), ConnectorRuntime> _runtime = [];
    // When each connector's last reading arrived, on this grain's clock (the charger's stamp only tells readings apart).
    private readonly Dictionary<(string ChargePointId, int ConnectorId), (DateTimeOffset? Stamp, DateTimeOffset At)> _readings = [];
    private string _site = string.Empty;
    private IReadOnlyList<LoadGroupRecord> _groups = [];
    private Dictionary<string, ChargerLoadSettings> _settings = new(StringComparer.Ordinal);
    private HashSet<string> _members = new(StringComparer.Ordinal);
    private IGrainTimer? _pending;
    private DateTimeOffset? _raiseDue;
    private IGrainTimer? _raiseTimer;
    private LoadGroupView? _view;
    private TimeProvider _time = TimeProvider.System;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _site = this.GetPrimaryKeyString();
        // The grains' clock (Orleans' own key), so tests drive the debounce, rotation and leases with fake time.
        _time = ServiceProvider.GetKeyedService<TimeProvider>(TimeProviderNames.Grains) ?? ServiceProvider.GetRequiredService<TimeProvider>();
        await LoadGroupsAsync(cancellationToken);
        await PullAsync(_members);
        if (_groups.Count > 0)
        {
            // A site stays active: its rotation history is in memory only.
            DelayDeactivation(Timeout.InfiniteTimeSpan);
        }

        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(_options.Tick, _options.Tick));
        Log.Activated(logger, _site, _groups.Count, _members.Count);
        Schedule();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(_site);
        return Task.CompletedTask;
    }

    public Task ChargerChanged(ChargerLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_members.Contains(report.ChargePointId))
        {
            Log.NotAMember(logger, _site, report.ChargePointId);
            return Task.CompletedTask;
        }

        Accept(report);
        Schedule();
        return Task.CompletedTask;
    }

    private void Accept(ChargerLoadReport report)
    {
        var now = _time.GetUtcNow();
        foreach (var c in report.Connectors.Where(c => c.MeasuredAt is not null))
        {
            if (!_readings.TryGetValue((report.ChargePointId, c.ConnectorId), out var last) || last.Stamp != c.MeasuredAt)
            {
                _readings[(report.ChargePointId, c.ConnectorId)] = (c.MeasuredAt, now);
            }
        }

        _chargers[report.ChargePointId] = report;
    }

    /// <summary>When the connector's last Current.Import reading reached this site (null: none).</summary>
    private DateTimeOffset? ReadingAt(string chargePointId, int connectorId) =>
        _readings.TryGetValue((chargePointId, connectorId), out var reading) ? reading.At : null;

    public async Task Reload()
    {
        var before = _members;
        await LoadGroupsAsync(CancellationToken.None);
        foreach (var left in before.Except(_members))
        {
            _chargers.Remove(left);
            foreach (var key in _readings.Keys.Where(k => k.ChargePointId == left).ToList())
            {
                _readings.Remove(key);
            }
            foreach (var key in _runtime.Keys.Where(k => k.ChargePointId == left).ToList())
            {
                _runtime.Remove(key);
            }

            await GrainFactory.GetGrain<IChargerLoadControl>(left).LeaveLoadGroup(_site);
        }

        foreach (var joined in _members)
        {
            await GrainFactory.GetGrain<IChargerLoadControl>(joined).JoinLoadGroup(_site);
        }

        await PullAsync(_members.Except(before));
        Recompute();
        if (_groups.Count == 0)
        {
            metrics.Forget(_site);
            DeactivateOnIdle();
        }
    }

    public Task<LoadGroupView> GetView() => Task.FromResult(_view ?? new LoadGroupView(_site, null, [], []));

    private async Task LoadGroupsAsync(CancellationToken cancellationToken)
    {
        var tree = new LoadGroupTree(await store.ListLoadGroupsAsync(cancellationToken));
        // A group that now has a parent is no longer a site: the site above it manages its chargers.
        _groups = tree.RootOf(_site) == _site ? tree.Subtree(_site) : [];
        _members = _groups.SelectMany(g => g.Members.Select(m => m.ChargePointId)).ToHashSet(StringComparer.Ordinal);
        _settings = (await store.ListChargerLoadSettingsAsync(cancellationToken))
            .Where(s => _members.Contains(s.ChargePointId))
            .ToDictionary(s => s.ChargePointId, StringComparer.Ordinal);
    }

    /// <summary>Asks member chargers' grains for their state, each bounded by <see cref="LoadManagementOptions.ReportTimeout"/>.</summary>
    private async Task PullAsync(IEnumerable<string> chargePointIds)
    {
        var asks = chargePointIds.Select(async id =>
        {
            try
            {
                return await GrainFactory.GetGrain<IChargerLoadControl>(id).GetLoadReport().WaitAsync(_options.ReportTimeout);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                Log.NoReport(logger, _site, id, e.Message);
                return null;
            }
        });
        foreach (var report in await Task.WhenAll(asks))
        {
            if (report is not null)
            {
                Accept(report);
            }
        }
    }

    /// <summary>One recompute <see cref="LoadManagementOptions.Debounce"/> after the first change; later changes join it.</summary>
    private void Schedule()
    {
        if (_pending is not null)
        {
            return;
        }

        _pending = this.RegisterGrainTimer(
            () =>
            {
                _pending?.Dispose();
                _pending = null;
                Recompute();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(_options.Debounce, Timeout.InfiniteTimeSpan));
    }

    private Task TickAsync()
    {
        if (_runtime.Values.Any(r => r.TransactionId is not null))
        {
            Recompute();
        }

        return Task.CompletedTask;
    }
}
