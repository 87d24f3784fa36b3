using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Levity.Grains.Interfaces.LoadManagement;

namespace Levity.Grains.LoadManagement;

/// <summary>
/// Load management's metrics on the "Levity.LoadManagement" meter: per group the limit, allocated
/// and measured current per phase; per connector the allocated current; paused and overdrawing
/// connectors; profile rejections. Gauges are observed from each site's last published view.
/// </summary>
public sealed class LoadMetrics
{
    public const string MeterName = "Levity.LoadManagement";

    private static readonly string[] PhaseNames = ["L1", "L2", "L3"];
    private readonly ConcurrentDictionary<string, LoadGroupView> _sites = new(StringComparer.Ordinal);
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _reallocations;

    public LoadMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("levity_load_group_limit_amperes", () => Groups(g => [.. PhaseNames.Select(_ => g.LimitAmps)]), description: "A load group's limit on each phase (A).");
        meter.CreateObservableGauge("levity_load_group_allocated_amperes", () => Groups(g => g.AllocatedAmps), description: "Current allocated in a load group per phase, reservations included (A).");
        meter.CreateObservableGauge("levity_load_group_measured_amperes", () => Groups(g => g.MeasuredAmps), description: "Current.Import measured in a load group per phase (A).");
        meter.CreateObservableGauge("levity_load_connector_allocated_amperes", Connectors, description: "Current allocated to a connector (A); 0 when paused.");
        meter.CreateObservableGauge("levity_load_paused_connectors", () => Count(c => c.Paused), description: "Connectors with a transaction paused because not every minimum fits.");
        meter.CreateObservableGauge("levity_load_overdrawing_connectors", () => Count(c => c.Overdrawing), description: "Connectors drawing more than their allocation plus the tolerance for longer than allowed.");
        meter.CreateObservableGauge("levity_load_unmanaged_connectors", () => Count(c => c.Capability is LimitCapability.Unmanaged), description: "Connectors with a transaction whose charger cannot be limited (maximum reserved).");
        _rejections = meter.CreateCounter<long>("levity_load_profile_rejections_total", description: "Limits a charger rejected or did not answer (it is then unmanaged).");
        _reallocations = meter.CreateCounter<long>("levity_load_reallocations_total", description: "Allocations computed per site.");
    }

    public void Publish(LoadGroupView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        _sites[view.Site] = view;
        _reallocations.Add(1, new KeyValuePair<string, object?>("site", view.Site));
    }

    public void Forget(string site) => _sites.TryRemove(site, out _);

    public void Rejected(string chargePointId, string action) =>
        _rejections.Add(1, new TagList { { "cp_id", chargePointId }, { "action", action } });

    private IEnumerable<Measurement<double>> Groups(Func<GroupLoad, IReadOnlyList<double>> values)
    {
        foreach (var site in _sites.Values)
        {
            foreach (var group in site.Groups)
            {
                var perPhase = values(group);
                for (var p = 0; p < PhaseNames.Length && p < perPhase.Count; p++)
                {
                    yield return new Measurement<double>(perPhase[p], new TagList { { "group", group.Name }, { "phase", PhaseNames[p] } });
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> Connectors()
    {
        foreach (var site in _sites.Values)
        {
            foreach (var c in site.Connectors)
            {
                yield return new Measurement<double>(c.Amps, new TagList { { "cp_id", c.ChargePointId }, { "connector_id", c.ConnectorId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, { "group", c.Group } });
            }
        }
    }

    private IEnumerable<Measurement<int>> Count(Func<ConnectorAllocation, bool> predicate)
    {
        foreach (var site in _sites.Values)
        {
            yield return new Measurement<int>(site.Connectors.Count(predicate), new KeyValuePair<string, object?>("site", site.Site));
        }
    }
}
