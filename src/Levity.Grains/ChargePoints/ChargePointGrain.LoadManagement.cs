using Levity.Grains.Interfaces.ChargePoints;
using Levity.Grains.Interfaces.LoadManagement;
using Levity.Grains.LoadManagement;
using Levity.Ocpp.Calls;
using Levity.Ocpp.Messages;
using Levity.Storage.LoadManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Levity.Grains.ChargePoints;

/// <summary>
/// The charger's side of load management: it tells its site what changed (transactions, statuses,
/// Current.Import, connection) and applies the limits the site sends, through the same outbound
/// call path as the operator's calls (so they are recorded as charging profiles and time out with
/// --response-timeout). The load services are resolved here rather than in the constructor, so a
/// charger in no group pays for nothing but one lookup per activation.
/// </summary>
public sealed partial class ChargePointGrain : IChargerLoadControl
{
    private readonly Dictionary<int, (double Amps, DateTimeOffset At)> _measured = [];
    private readonly Dictionary<int, (int TransactionId, double Amps, double SafeAmps, DateTimeOffset At)> _sentLimits = [];
    private string? _loadSite;
    private bool _loadSiteKnown;
    private LimitCapability _capability = LimitCapability.Unknown;
    private LimitAdapter? _adapter;
    private int _maxStackLevel;
    private double? _sentSafeAmps;
    private double? _sentAdapterAmps;
    private ChargerLimits? _wantedLimits;
    private ChargerLimits? _appliedLimits;
    private bool _applying;

    private LoadMetrics LoadMetrics => ServiceProvider.GetRequiredService<LoadMetrics>();

    private LoadManagementOptions LoadOptions => ServiceProvider.GetRequiredService<IOptions<LoadManagementOptions>>().Value;

    public Task<ChargerLoadReport> GetLoadReport() => Task.FromResult(LoadReport());

    public Task JoinLoadGroup(string site)
    {
        ArgumentException.ThrowIfNullOrEmpty(site);
        _loadSite = site;
        _loadSiteKnown = true;
        return Task.CompletedTask;
    }

    public Task LeaveLoadGroup(string site)
    {
        if (_loadSite == site)
        {
            _loadSite = null;
            _appliedLimits = null;
            _wantedLimits = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>The load side of <see cref="ChargePointState"/>: null for a charger in no group.</summary>
    private ChargerLoadView? LoadView() => _loadSite is null
        ? null
        : new ChargerLoadView(_loadSite, _capability, _appliedLimits?.SafeAmps, _appliedLimits?.Connectors ?? [], _appliedLimits?.At);

    private ChargerLoadReport LoadReport()
    {
        var ids = _connectors.Keys.Concat(_openTransactions.Values.Select(t => t.ConnectorId)).Where(c => c > 0).Distinct().Order();
        var connectors = ids.Select(c => new ConnectorLoad(
            c,
            _connectors.TryGetValue(c, out var state) ? state.Status : "Unknown",
            _openTransactions.Values.Where(t => t.ConnectorId == c).Select(t => (int?)t.TransactionId).Max(),
            _measured.TryGetValue(c, out var m) ? m.Amps : null,
            _measured.TryGetValue(c, out var at) ? at.At : null)).ToArray();
        return new ChargerLoadReport(_id, _connection is not null, _capability, _adapter?.MinAmps ?? 0, connectors);
    }

    /// <summary>Tells the charger's site (if any) what changed. One-way: never waits on the site.</summary>
    private async Task ReportLoadAsync()
    {
        if (!_loadSiteKnown)
        {
            var groups = await ServiceProvider.GetRequiredService<ILoadGroupStore>().ListLoadGroupsAsync();
            _loadSite = new LoadGroupTree(groups).RootOfCharger(_id);
            _loadSiteKnown = true;
        }

        if (_loadSite is { } site)
        {
            await GrainFactory.GetGrain<ILoadGroupGrain>(site).ChargerChanged(LoadReport());
        }
    }

    /// <summary>
    /// The current a connector draws per phase (A): the highest phase of Current.Import, or its
    /// whole-connector value. Some Grizzl-E firmware reports the charging current as Current.Export.
    /// </summary>
    private static double? PerPhaseAmps(List<Storage.MeterSample> samples) =>
        PerPhaseAmps(samples, "Current.Import") ?? PerPhaseAmps(samples, "Current.Export");

    private static double? PerPhaseAmps(List<Storage.MeterSample> samples, string measurand)
    {
        double? whole = null;
        double? highest = null;
        // Every MeterValues of every charger passes here: a plain loop, no LINQ closure.
        foreach (var s in samples)
        {
            if (s.Measurand != measurand)
            {
                continue;
            }

            if (s.Phase is null)
            {
                whole = s.Value;
            }
            else
            {
                highest = Math.Max(highest ?? 0, s.Value);
            }
        }

        return highest ?? whole;
    }

    /// <summary>
    /// A MeterValues' current, reported to the site: every reading, since the site times the
    /// car's response to a raised limit (and overdraw) by when readings arrive.
    /// </summary>
    private async Task MeasuredLoadAsync(int connectorId, List<Storage.MeterSample> samples)
    {
        if (PerPhaseAmps(samples) is not { } value || connectorId <= 0)
        {
            return;
        }

        _measured[connectorId] = (value, time.GetUtcNow());
        await ReportLoadAsync();
    }

    /// <summary>A new session or a reboot: what the charger held is unknown again, so everything is sent again (and its capability asked again).</summary>
    private async Task ResetLoadAsync()
    {
        _capability = LimitCapability.Unknown;
        _adapter = null;
        _sentLimits.Clear();
        _sentSafeAmps = null;
        _sentAdapterAmps = null;
        _measured.Clear();
        await ReportLoadAsync();
    }

    public async Task ApplyLoadLimits(ChargerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _wantedLimits = limits;
        if (_applying)
        {
            // The running loop picks up the latest limits when it is done: only one set ever waits.
            return;
        }

        _applying = true;
        try
        {
            ChargerLimits? done = null;
            while (_wantedLimits is { } wanted && !ReferenceEquals(wanted, done) && _loadSite is not null)
            {
                done = wanted;
                await ApplyOnceAsync(wanted);
            }
        }
        finally
        {
            _applying = false;
        }
    }

    private async Task ApplyOnceAsync(ChargerLimits limits)
    {
        if (_channel is null)
        {
            return;
        }

        _appliedLimits = limits;
        if (_capability == LimitCapability.Unknown)
        {
            await DetectCapabilityAsync();
            await ReportLoadAsync();
        }

        switch (_capability)
        {
            case LimitCapability.SmartCharging:
                await ApplyProfilesAsync(limits);
                break;
            case LimitCapability.ConfigurationKey:
                await ApplyAdapterAsync(limits);
                break;
            default:
                break;
        }
    }

    private async Task DetectCapabilityAsync()
    {
        try
        {
            var answer = (GetConfigurationResponse)await CallCharger(new GetConfigurationRequest(["SupportedFeatureProfiles", "ChargeProfileMaxStackLevel"]));
            var keys = answer.ConfigurationKey ?? [];
            var profiles = keys.FirstOrDefault(k => k.Key == "SupportedFeatureProfiles")?.Value ?? string.Empty;
            if (profiles.Split(',', StringSplitOptions.TrimEntries).Contains("SmartCharging", StringComparer.OrdinalIgnoreCase))
            {
                _capability = LimitCapability.SmartCharging;
                _maxStackLevel = int.TryParse(keys.FirstOrDefault(k => k.Key == "ChargeProfileMaxStackLevel")?.Value, out var max) ? Math.Max(0, max) : 0;
            }
            else if (LimitAdapter.Find(_identity.Vendor, _identity.Model) is { } adapter)
            {
                _capability = LimitCapability.ConfigurationKey;
                _adapter = adapter;
            }
            else
            {
                _capability = LimitCapability.Unmanaged;
                LoadLog.NoWayToLimit(logger, _id, profiles);
            }

            LoadLog.Capability(logger, _id, _capability, profiles, _maxStackLevel);
        }
        catch (Exception e) when (e is OcppCallException or ChargerNotConnectedException or InvalidCastException)
        {
            Unmanaged("GetConfiguration", e.Message);
        }
    }

    private async Task ApplyProfilesAsync(ChargerLimits limits)
    {
        var stackLevel = Math.Min(LoadOptions.StackLevel, _maxStackLevel);
        if (_sentSafeAmps != limits.SafeAmps)
        {
            if (!await SendProfileAsync(LoadProfiles.SafeDefault(limits.SafeAmps, limits.Phases, stackLevel)))
            {
                return;
            }

            _sentSafeAmps = limits.SafeAmps;
        }

        foreach (var limit in limits.Connectors)
        {
            var open = _openTransactions.Values.Where(t => t.ConnectorId == limit.ConnectorId).MaxBy(t => t.TransactionId);
            if (open is null)
            {
                continue;
            }

            if (_sentLimits.TryGetValue(limit.ConnectorId, out var sent) && sent.TransactionId == open.TransactionId
                && sent.Amps == limit.Amps && sent.SafeAmps == limits.SafeAmps && limits.At - sent.At < limits.Lease / 2)
            {
                continue;
            }

            if (!await SendProfileAsync(LoadProfiles.Transaction(limit.ConnectorId, open.TransactionId, limit, limits, stackLevel)))
            {
                return;
            }

            _sentLimits[limit.ConnectorId] = (open.TransactionId, limit.Amps, limits.SafeAmps, limits.At);
        }
    }

    private async Task<bool> SendProfileAsync(SetChargingProfileRequest request)
    {
        try
        {
            var answer = (SetChargingProfileResponse)await CallCharger(request);
            if (answer.Status == ChargingProfileStatus.Accepted)
            {
                return true;
            }

            Unmanaged("SetChargingProfile", answer.Status.ToString());
        }
        catch (Exception e) when (e is OcppCallException or ChargerNotConnectedException or InvalidCastException)
        {
            Unmanaged("SetChargingProfile", e.Message);
        }

        await ReportLoadAsync();
        return false;
    }

    private async Task ApplyAdapterAsync(ChargerLimits limits)
    {
        var adapter = _adapter!;
        // One key for the whole charger: the tightest connector limit, or the safe share while idle.
        var amps = Math.Max(adapter.MinAmps, limits.Connectors.Count == 0 ? limits.SafeAmps : limits.Connectors.Min(c => c.Amps));
        if (_sentAdapterAmps == amps)
        {
            return;
        }

        try
        {
            var value = ((long)Math.Floor(amps * adapter.Scale)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var answer = (ChangeConfigurationResponse)await CallCharger(new ChangeConfigurationRequest(adapter.Key, value));
            if (answer.Status is ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired)
            {
                _sentAdapterAmps = amps;
                return;
            }

            Unmanaged("ChangeConfiguration", answer.Status.ToString());
        }
        catch (Exception e) when (e is OcppCallException or ChargerNotConnectedException or InvalidCastException)
        {
            Unmanaged("ChangeConfiguration", e.Message);
        }

        await ReportLoadAsync();
    }

    private void Unmanaged(string action, string why)
    {
        _capability = LimitCapability.Unmanaged;
        LoadMetrics.Rejected(_id, action);
        LoadLog.Rejected(logger, _id, action, why);
    }

    private static partial class LoadLog
    {
        [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Charger {ChargePointId}: load limits by {Capability} (SupportedFeatureProfiles '{Profiles}', ChargeProfileMaxStackLevel {MaxStackLevel})")]
        public static partial void Capability(ILogger logger, string chargePointId, LimitCapability capability, string profiles, int maxStackLevel);

        [LoggerMessage(EventId = 1801, Level = LogLevel.Warning, Message = "Charger {ChargePointId} has no SmartCharging ('{Profiles}') and no limit adapter for its model: unmanaged, its maximum is reserved")]
        public static partial void NoWayToLimit(ILogger logger, string chargePointId, string profiles);

        [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Charger {ChargePointId}: {Action} for load management failed ({Why}): unmanaged until it reconnects, its maximum is reserved")]
        public static partial void Rejected(ILogger logger, string chargePointId, string action, string why);
    }
}
