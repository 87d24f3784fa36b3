using System.Globalization;
using Levity.Grains.Interfaces.LoadManagement;
using Levity.Grains.LoadManagement.Allocation;
using Levity.Storage.LoadManagement;

namespace Levity.Grains.LoadManagement;

public sealed partial class LoadGroupGrain
{
    // Turns in the rotation: cars within their turn first; then everyone else, fewest turns first,
    // those waiting before those whose turn just ended, then least charging time (see Priority).
    private const long Competing = 1L << 60;
    private const int TurnsShift = 41;
    private const long Running = 1L << 40;
    private const long MostServedTicks = Running - 1;
    private const int MostTurns = (1 << (60 - TurnsShift)) - 1;

    /// <summary>Allocates, remembers what each connector got and why, and sends each charger its limits.</summary>
    private void Recompute()
    {
        var now = _time.GetUtcNow();
        var nodes = _groups.Select((g, k) => new AllocationNode(g.Name, g.Parent is { } p ? IndexOf(p) : -1, g.LimitAmps)).ToArray();
        var connectors = Connectors(nodes, now);
        var result = LoadAllocator.Allocate(nodes, connectors.Select(c => c.Demand).ToArray());

        var allocations = new List<ConnectorAllocation>(connectors.Count);
        var limits = new Dictionary<string, List<ConnectorLimit>>(StringComparer.Ordinal);
        var holdRaises = HoldRaises(connectors, result, now);
        for (var i = 0; i < connectors.Count; i++)
        {
            var c = connectors[i];
            var amps = result.Amps[i];
            var reason = c.FixedReason ?? string.Empty;
            if (c.Demand.Kind == DemandKind.Managed)
            {
                var runtime = _runtime[(c.ChargePointId, c.Load.ConnectorId)];
                if (result.Paused[i])
                {
                    runtime.Served += now - (runtime.RunningSince ?? now);
                    runtime.RunningSince = null;
                    runtime.TurnStart = null;
                    runtime.WaitingSince ??= now;
                    reason = string.Create(CultureInfo.InvariantCulture, $"paused: not every car's minimum fits; waiting since {runtime.WaitingSince:u}, turns of {_options.Rotation.TotalMinutes} min, least charged first");
                }
                else
                {
                    if (c.Demand.Priority >= Competing)
                    {
                        // It won its place against the waiting cars: a new turn.
                        runtime.TurnStart = now;
                        runtime.Turns++;
                    }

                    runtime.RunningSince ??= now;
                    runtime.WaitingSince = null;
                    reason = Why(nodes, result, c, amps);
                }

                if (holdRaises && amps > (runtime.SentAmps ?? 0) + 0.05)
                {
                    // Raised once the lowered chargers have had time to come down (see HoldRaises).
                    if (runtime.SentAmps is { } held)
                    {
                        Limits(limits, c.ChargePointId).Add(new ConnectorLimit(c.Load.ConnectorId, held, reason));
                    }

                    allocations.Add(new ConnectorAllocation(
                        c.ChargePointId, c.Load.ConnectorId, c.Group, amps, false, false, c.Report.Capability, c.Load.CurrentImport, reason));
                    continue;
                }

                if (amps > (runtime.SentAmps ?? 0))
                {
                    runtime.RaisedAt = now;
                }

                runtime.SentAmps = amps;
            }

            var told = c.Demand.Kind == DemandKind.Managed ? amps
                : _runtime.TryGetValue((c.ChargePointId, c.Load.ConnectorId), out var r) && r.Overdrawing ? r.SentAmps : null;
            if (told is { } toldAmps)
            {
                Limits(limits, c.ChargePointId).Add(new ConnectorLimit(c.Load.ConnectorId, toldAmps, reason));
            }

            if (c.Demand.Kind != DemandKind.Idle)
            {
                allocations.Add(new ConnectorAllocation(
                    c.ChargePointId, c.Load.ConnectorId, c.Group, amps, result.Paused[i],
                    _runtime.TryGetValue((c.ChargePointId, c.Load.ConnectorId), out var rt) && rt.Overdrawing,
                    c.Report.Capability, c.Load.CurrentImport, reason));
            }
        }

        Send(nodes, connectors, limits, now);
        _view = new LoadGroupView(_site, now, Groups(nodes, result, connectors), allocations);
        metrics.Publish(_view);
        var paused = allocations.Count(a => a.Paused);
        Log.Computed(logger, _site, allocations.Count - paused, paused);
    }

    /// <summary>
    /// True when this recompute lowers some connector and raises another: the raises then wait
    /// <see cref="LoadManagementOptions.RaiseDelay"/> (a follow-up recompute sends them), so the
    /// chargers being lowered come down before the others go up and the sum of what chargers were
    /// told never exceeds a limit in between. At most one delay in a row: the first recompute after
    /// it sends its raises even if it lowers something too.
    /// </summary>
    private bool HoldRaises(List<SiteConnector> connectors, AllocationResult result, DateTimeOffset now)
    {
        var lowers = false;
        var raises = false;
        for (var i = 0; i < connectors.Count; i++)
        {
            if (connectors[i].Demand.Kind == DemandKind.Managed
                && _runtime.TryGetValue((connectors[i].ChargePointId, connectors[i].Load.ConnectorId), out var runtime))
            {
                lowers |= runtime.SentAmps is { } sent && result.Amps[i] < sent - 0.05;
                raises |= result.Amps[i] > (runtime.SentAmps ?? 0) + 0.05;
            }
        }

        if (_raiseDue is { } due)
        {
            // Recomputes before the delay is over hold their raises too; the first one after it sends them.
            if (now < due)
            {
                return raises;
            }

            _raiseDue = null;
            return false;
        }

        if (!lowers || !raises)
        {
            return false;
        }

        _raiseDue = now + _options.RaiseDelay;
        _raiseTimer?.Dispose();
        _raiseTimer = this.RegisterGrainTimer(
            () =>
            {
                _raiseTimer?.Dispose();
                _raiseTimer = null;
                Recompute();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(_options.RaiseDelay, Timeout.InfiniteTimeSpan));
        return true;
    }

    private int IndexOf(string group)
    {
        for (var k = 0; k < _groups.Count; k++)
        {
            if (_groups[k].Name == group)
            {
                return k;
            }
        }

        return -1;
    }

    private static List<ConnectorLimit> Limits(Dictionary<string, List<ConnectorLimit>> limits, string chargePointId) =>
        limits.TryGetValue(chargePointId, out var list) ? list : limits[chargePointId] = [];

    /// <summary>Every connector of every member, with what it asks of the allocator.</summary>
    private List<SiteConnector> Connectors(AllocationNode[] nodes, DateTimeOffset now)
    {
        var connectors = new List<SiteConnector>();
        var seen = new HashSet<(string, int)>();
        for (var k = 0; k < _groups.Count; k++)
        {
            foreach (var member in _groups[k].Members)
            {
                if (!_chargers.TryGetValue(member.ChargePointId, out var report))
                {
                    continue;
                }

                var settings = _settings.GetValueOrDefault(member.ChargePointId) ?? new ChargerLoadSettings(member.ChargePointId);
                foreach (var load in report.Connectors.Where(c => member.ConnectorId == 0 || c.ConnectorId == member.ConnectorId))
                {
                    if (seen.Add((member.ChargePointId, load.ConnectorId)))
                    {
                        connectors.Add(Connector(k, settings, report, load, now));
                    }
                }
            }
        }

        // Connectors that are gone (a charger left the site) take their history with them.
        foreach (var key in _runtime.Keys.Where(key => !seen.Contains(key)).ToList())
        {
            _runtime.Remove(key);
        }

        return connectors;
    }

    private SiteConnector Connector(int node, ChargerLoadSettings settings, ChargerLoadReport report, ConnectorLoad load, DateTimeOffset now)
    {
        var phases = Phases(settings);
        SiteConnector Make(ConnectorDemand demand, string? reason) =>
            new(report.ChargePointId, node, _groups[node].Name, settings, phases, report, load, demand, reason);

        if (load.TransactionId is null)
        {
            _runtime.Remove((report.ChargePointId, load.ConnectorId));
            return Make(new ConnectorDemand(node, phases, DemandKind.Idle, settings.MinAmps, settings.MaxAmps), null);
        }

        if (!_runtime.TryGetValue((report.ChargePointId, load.ConnectorId), out var runtime))
        {
            _runtime[(report.ChargePointId, load.ConnectorId)] = runtime = new ConnectorRuntime();
            runtime.Reset(load.TransactionId);
        }
        else if (runtime.TransactionId != load.TransactionId)
        {
            runtime.Reset(load.TransactionId);
        }

        ConnectorDemand Reserve(double amps) => new(node, phases, DemandKind.Reserved, settings.MinAmps, settings.MaxAmps, ReservedAmps: amps);
        var max = settings.MaxAmps.ToString(CultureInfo.InvariantCulture);
        if (!report.Connected)
        {
            return Make(Reserve(settings.MaxAmps), $"disconnected with a transaction open: its maximum ({max} A) is reserved");
        }

        switch (report.Capability)
        {
            case LimitCapability.Unknown:
                return Make(Reserve(settings.MaxAmps), $"asking the charger how it can be limited: its maximum ({max} A) is reserved meanwhile");
            case LimitCapability.Unmanaged:
                return Make(Reserve(settings.MaxAmps), $"unmanaged (no SmartCharging nor adapter, or it rejected a limit): its maximum ({max} A) is reserved");
            default:
                break;
        }

        if (CheckOverdraw(report.ChargePointId, runtime, load, now) is { } drawn)
        {
            return Make(Reserve(drawn), string.Create(CultureInfo.InvariantCulture, $"drawing {drawn:0.#} A, more than the {runtime.SentAmps:0.#} A it was given: its actual draw is counted"));
        }

        var min = report.Capability == LimitCapability.ConfigurationKey ? Math.Max(settings.MinAmps, report.AdapterMinAmps) : settings.MinAmps;
        return Make(new ConnectorDemand(node, phases, DemandKind.Managed, min, Math.Max(min, settings.MaxAmps), Demand(report.ChargePointId, runtime, load), Priority: Priority(runtime, now), CanPause: report.Capability == LimitCapability.SmartCharging), null);
    }

    /// <summary>What the car seems to want: nothing more than its minimum when it suspends itself; its draw plus the margin when clearly below what it was given.</summary>
    private double? Demand(string chargePointId, ConnectorRuntime runtime, ConnectorLoad load)
    {
        if (load.Status == "SuspendedEV")
        {
            return 0;
        }

        var settled = ReadingAt(chargePointId, load.ConnectorId) is { } at && (runtime.RaisedAt is not { } raised || at - raised >= _options.Settle);
        return settled && load.CurrentImport is { } drawn && runtime.SentAmps is { } given && drawn < given - _options.Margin
            ? drawn + _options.Margin
            : null;
    }

    /// <summary>
    /// A car within its turn keeps its place; the others compete by how much they have charged in
    /// this transaction, least first, so the paused ones come back in order and nobody waits forever.
    /// How much is counted in turns first: a turn ends at the first recompute after
    /// <see cref="LoadManagementOptions.Rotation"/> (up to a tick later), so turns differ by
    /// seconds, and ranking by charging time alone let those seconds decide between a car that
    /// has just waited a whole turn and one that has just charged one: the waiting car could lose and
    /// wait a second turn in a row. Among equal turns the waiting cars come first, then the least
    /// charging time.
    /// </summary>
    private long Priority(ConnectorRuntime runtime, DateTimeOffset now)
    {
        var served = runtime.Served + (runtime.RunningSince is { } running ? now - running : TimeSpan.Zero);
        var withinTurn = runtime.TurnStart is { } turn && now - turn < _options.Rotation;
        return (withinTurn ? 0 : Competing)
            + ((long)Math.Min(runtime.Turns, MostTurns) << TurnsShift)
            + (runtime.RunningSince is null ? 0 : Running)
            + Math.Clamp(served.Ticks, 0, MostServedTicks);
    }

    /// <summary>The draw to count instead of the allocation once a connector has overdrawn for too long; null while it obeys.</summary>
    private double? CheckOverdraw(string chargePointId, ConnectorRuntime runtime, ConnectorLoad load, DateTimeOffset now)
    {
        if (runtime.SentAmps is not { } given || load.CurrentImport is not { } drawn || ReadingAt(chargePointId, load.ConnectorId) is not { } at
            || (runtime.RaisedAt is { } raised && at < raised))
        {
            return runtime.Overdrawing ? load.CurrentImport : null;
        }

        if (drawn <= given + _options.OverdrawTolerance)
        {
            if (runtime.Overdrawing)
            {
                Log.OverdrawEnded(logger, _site, chargePointId, load.ConnectorId);
            }

            runtime.OverSince = null;
            runtime.Overdrawing = false;
            return null;
        }

        runtime.OverSince ??= at;
        if (!runtime.Overdrawing && now - runtime.OverSince >= _options.OverdrawAfter)
        {
            runtime.Overdrawing = true;
            Log.Overdrawing(logger, _site, chargePointId, load.ConnectorId, drawn, given);
        }

        return runtime.Overdrawing ? drawn : null;
    }

    private string Why(AllocationNode[] nodes, AllocationResult result, SiteConnector c, double amps)
    {
        var text = amps.ToString("0.#", CultureInfo.InvariantCulture);
        if (amps >= c.Demand.MaxAmps - 0.05)
        {
            return $"its maximum ({text} A): the limits leave room";
        }

        if (c.Demand.DemandAmps is { } demand && amps >= Math.Max(c.Demand.MinAmps, demand) - 0.05)
        {
            return c.Load.Status == "SuspendedEV"
                ? $"its car suspended charging: {text} A (its minimum) kept, the rest goes to others"
                : string.Create(CultureInfo.InvariantCulture, $"its car draws {c.Load.CurrentImport:0.#} A: {text} A keeps a {_options.Margin} A margin, the rest goes to others");
        }

        for (var n = c.Node; n >= 0; n = nodes[n].Parent)
        {
            for (var p = 0; p < 3; p++)
            {
                if (((int)c.Phases & (1 << p)) != 0 && result.NodePhaseTotal(n, p) >= nodes[n].LimitAmps - 0.5)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"equal share of group '{nodes[n].Name}' ({nodes[n].LimitAmps} A on L{p + 1})");
                }
            }
        }

        return $"equal share: {text} A";
    }

    /// <summary>Each connected charger that can be limited gets its limits and its safe share (its grain sends only what changed).</summary>
    private void Send(AllocationNode[] nodes, List<SiteConnector> connectors, Dictionary<string, List<ConnectorLimit>> limits, DateTimeOffset now)
    {
        var chargers = _chargers.Values.Where(r => _members.Contains(r.ChargePointId)).ToList();
        var wiring = chargers.Select(r =>
        {
            var settings = _settings.GetValueOrDefault(r.ChargePointId) ?? new ChargerLoadSettings(r.ChargePointId);
            var node = NodeOf(r.ChargePointId);
            return (node, Phases(settings), r.Capability != LimitCapability.Unmanaged, Math.Max(1, r.Connectors.Count), settings.MinAmps, settings.MaxAmps);
        }).ToList();
        var safe = SafeShares.Compute(nodes, wiring);
        for (var i = 0; i < chargers.Count; i++)
        {
            var report = chargers[i];
            if (!report.Connected || report.Capability == LimitCapability.Unmanaged)
            {
                continue;
            }

            var settings = _settings.GetValueOrDefault(report.ChargePointId) ?? new ChargerLoadSettings(report.ChargePointId);
            var mine = limits.GetValueOrDefault(report.ChargePointId) ?? [];
            var request = new ChargerLimits(_site, now, safe[i], settings.Phases, _options.Lease, mine);
            _ = GrainFactory.GetGrain<IChargerLoadControl>(report.ChargePointId).ApplyLoadLimits(request);
        }
    }

    private int NodeOf(string chargePointId)
    {
        for (var k = 0; k < _groups.Count; k++)
        {
            if (_groups[k].Members.Any(m => m.ChargePointId == chargePointId))
            {
                return k;
            }
        }

        return 0;
    }

    private static PhaseSet Phases(ChargerLoadSettings settings) =>
        settings.Phases == 3 ? PhaseSet.All
        : settings.Phase switch { "L2" => PhaseSet.L2, "L3" => PhaseSet.L3, _ => PhaseSet.L1 };

    private static List<GroupLoad> Groups(AllocationNode[] nodes, AllocationResult result, List<SiteConnector> connectors)
    {
        var measured = new double[nodes.Length * 3];
        foreach (var c in connectors.Where(c => c.Load.TransactionId is not null && c.Load.CurrentImport is not null))
        {
            for (var n = c.Node; n >= 0; n = nodes[n].Parent)
            {
                for (var p = 0; p < 3; p++)
                {
                    if (((int)c.Phases & (1 << p)) != 0)
                    {
                        measured[(n * 3) + p] += c.Load.CurrentImport!.Value;
                    }
                }
            }
        }

        return nodes.Select((n, k) => new GroupLoad(
            n.Name,
            n.Parent >= 0 ? nodes[n.Parent].Name : null,
            n.LimitAmps,
            [result.NodePhaseTotal(k, 0), result.NodePhaseTotal(k, 1), result.NodePhaseTotal(k, 2)],
            [measured[k * 3], measured[(k * 3) + 1], measured[(k * 3) + 2]])).ToList();
    }
}
