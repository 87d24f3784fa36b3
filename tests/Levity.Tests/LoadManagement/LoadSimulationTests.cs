using System.Globalization;
using Levity.Grains.Interfaces.LoadManagement;
using Xunit.Abstractions;

namespace Levity.Tests.LoadManagement;

/// <summary>
/// A 20-charger site on an 80 A supply over real WebSockets and simulated hours: chargers that
/// obey profiles, ignore them, reject them, or support only Core.
/// </summary>
public sealed class LoadSimulationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static IEnumerable<(string, ChargerBehaviour)> Site() =>
        Enumerable.Range(1, 16).Select(i => ($"LM{i:00}", ChargerBehaviour.Obey))
            .Concat([("LM17", ChargerBehaviour.Ignore), ("LM18", ChargerBehaviour.Reject), ("LM19", ChargerBehaviour.CoreOnly), ("LM20", ChargerBehaviour.Obey)]);

    private static async Task<LoadSimulation> SiteAsync()
    {
        var simulation = await LoadSimulation.StartAsync(Site());
        await simulation.PutAsync("/api/groups/site", new { limitAmps = LoadSimulation.Limit, chargers = simulation.Chargers.Select(c => c.Id).ToArray() });
        return simulation;
    }

    /// <summary>Taken off the limit first: chargers Levity cannot limit (unmanaged, not yet known) and those drawing more than they were given.</summary>
    private static bool Reserved(ConnectorAllocation c) =>
        c.Overdrawing || c.Capability is LimitCapability.Unmanaged or LimitCapability.Unknown;

    /// <summary>
    /// The site (one group, three-phase chargers) never allocates above its limit; only reservations
    /// can (three unmanaged chargers charging at 32 A are more than 80 A), and then every managed car gets 0.
    /// </summary>
    private static void AssertWithinLimits(LoadGroupView view)
    {
        var reserved = view.Connectors.Where(Reserved).Sum(c => c.Amps);
        var managed = view.Connectors.Where(c => !Reserved(c)).Sum(c => c.Amps);
        Assert.True(managed <= Math.Max(0, LoadSimulation.Limit - reserved) + 1e-6, $"{managed} A allocated to managed cars beside {reserved} A reserved on an 80 A limit");
        foreach (var group in view.Groups)
        {
            Assert.All(group.AllocatedAmps, a => Assert.True(a <= Math.Max(group.LimitAmps, reserved) + 1e-6, $"{group.Name}: {a} A allocated on a {group.LimitAmps} A limit"));
        }
    }

    [Fact]
    public async Task SixteenCarsOn80A_FourHours_NeverAboveLimit_PausedTurnsRotate_FairEnergy()
    {
        await using var site = await SiteAsync();
        var cars = site.Chargers.Take(16).ToList();
        var start = site.Time.GetUtcNow();
        foreach (var car in cars)
        {
            await car.StartAsync(start);
        }

        var waited = cars.ToDictionary(c => c.Id, _ => TimeSpan.Zero);
        var longestWait = TimeSpan.Zero;
        for (var minute = 0; minute < 240; minute++)
        {
            var (view, drawn) = await site.StepAsync(Minute);
            AssertWithinLimits(view);
            Assert.True(drawn <= LoadSimulation.Limit + 1e-6, $"minute {minute}: cars drew {drawn} A on an 80 A supply");
            // 80 A gives 13 cars their 6 A minimum: 3 wait.
            Assert.Equal(3, view.Connectors.Count(c => c.Paused));
            foreach (var c in view.Connectors)
            {
                waited[c.ChargePointId] = c.Paused ? waited[c.ChargePointId] + Minute : TimeSpan.Zero;
                longestWait = longestWait > waited[c.ChargePointId] ? longestWait : waited[c.ChargePointId];
            }
        }

        var energy = cars.Select(c => c.EnergyWh).ToList();
        var jain = LoadSimulation.Jain(energy);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Jain's fairness index of delivered energy, 16 equal cars, 4 h on 80 A: {jain:0.0000} (min {energy.Min():0} Wh, max {energy.Max():0} Wh); longest wait {longestWait.TotalMinutes} min"));
        Assert.True(jain >= 0.95, $"Jain's index {jain}");
        // At each rotation the paused cars are lowered first and the waiting ones raised 5 s later.
        Assert.True(site.MostDrawnWhileSettling <= LoadSimulation.Limit + 1e-6, $"{site.MostDrawnWhileSettling} A drawn while a reallocation was applied");
        Assert.All(energy, e => Assert.True(e > 0));
        Assert.True(longestWait <= site.Rotation + TimeSpan.FromMinutes(2), $"a car waited {longestWait.TotalMinutes} min");
    }

    [Fact]
    public async Task TwentyChargers_RandomArrivalsAndDepartures_ThreeHours_NeverAllocateAboveLimit()
    {
        await using var site = await SiteAsync();
        var random = new Random(18);
        var started = 0;
        var stopped = 0;
        for (var minute = 0; minute < 180; minute++)
        {
            var now = site.Time.GetUtcNow();
            foreach (var charger in site.Chargers)
            {
                if (charger.TransactionId is null && random.NextDouble() < 0.06)
                {
                    charger.CarDemand = random.Next(4) == 0 ? random.Next(3, 16) : 32;
                    await charger.StartAsync(now);
                    started++;
                }
                else if (charger.TransactionId is not null && random.NextDouble() < 0.02)
                {
                    await charger.StopAsync(now);
                    stopped++;
                }
            }

            var (view, drawn) = await site.StepAsync(Minute);
            AssertWithinLimits(view);
            if (site["LM17"].TransactionId is null)
            {
                // Every charger but the one that ignores its limits draws within what it was given or what is reserved for it.
                var reserved = view.Connectors.Where(Reserved).Sum(c => c.Amps);
                Assert.True(drawn <= Math.Max(LoadSimulation.Limit, reserved) + 1e-6, $"minute {minute}: cars drew {drawn} A on an 80 A supply");
            }
        }

        output.WriteLine($"{started} arrivals, {stopped} departures in 3 simulated hours");
        Assert.True(started > 20 && stopped > 10);
    }

    [Fact]
    public async Task MixedChargers_ReservesUnmanaged_RedistributesFlagsOverdraw_RecoversAfterRestart()
    {
        await using var site = await SiteAsync();
        await site.PutAsync("/api/chargepoints/LM02/load", new { minAmps = 8 });
        var cars = site.Chargers.Take(8).ToList();
        foreach (var car in cars)
        {
            await car.StartAsync(site.Time.GetUtcNow());
        }

        var (view, _) = await site.StepAsync(Minute);
        Assert.All(view.Connectors, c => Assert.Equal(10, c.Amps));
        Assert.Contains("equal share of group 'site'", view.Connectors[0].Reason, StringComparison.Ordinal);

        // LM01's car draws 2 A only: it keeps its minimum, the others share the rest.
        site["LM01"].CarDemand = 2;
        for (var i = 0; i < 3; i++)
        {
            (view, _) = await site.StepAsync(Minute);
        }

        Assert.Equal(6, view.Connectors.Single(c => c.ChargePointId == "LM01").Amps);
        Assert.All(view.Connectors.Where(c => c.ChargePointId != "LM01"), c => Assert.Equal(10.5, c.Amps));

        // A charger that rejects profiles and one with only Core: unmanaged, their maximum reserved.
        await site["LM18"].StartAsync(site.Time.GetUtcNow());
        await site["LM19"].StartAsync(site.Time.GetUtcNow());
        (view, _) = await site.StepAsync(Minute);
        AssertWithinLimits(view);
        Assert.All(view.Connectors.Where(c => c.ChargePointId is "LM18" or "LM19"), c =>
        {
            Assert.Equal(LimitCapability.Unmanaged, c.Capability);
            Assert.Equal(32, c.Amps);
        });
        // 80 - 64 = 16 A: two minimums fit (LM02's is 8 A), six cars wait.
        Assert.Equal(6, view.Connectors.Count(c => c.Paused));
        Assert.True(site["LM18"].ProfilesReceived > 0);
        var detail = await site.Api.Get("/api/chargepoints/LM19/load");
        Assert.Equal("Unmanaged", detail["load"]!["capability"]!.GetValue<string>());

        await site["LM18"].StopAsync(site.Time.GetUtcNow());
        await site["LM19"].StopAsync(site.Time.GetUtcNow());
        site["LM01"].CarDemand = 32;

        // A charger that accepts limits and draws 32 A anyway: flagged, its draw counted.
        await site["LM17"].StartAsync(site.Time.GetUtcNow());
        for (var i = 0; i < 6; i++)
        {
            (view, _) = await site.StepAsync(Minute);
            AssertWithinLimits(view);
        }

        var ignoring = view.Connectors.Single(c => c.ChargePointId == "LM17");
        Assert.True(ignoring.Overdrawing, ignoring.Reason);
        Assert.Equal(32, ignoring.Amps);
        Assert.True(view.Connectors.Where(c => !c.Overdrawing).Sum(c => c.Amps) <= LoadSimulation.Limit - 32 + 1e-6);

        // Levity restarts with every transaction still running: limits come back.
        await site["LM17"].StopAsync(site.Time.GetUtcNow());
        await site.RestartAsync();
        var restarted = site.Time.GetUtcNow();
        view = await site.SettleAsync(restarted);
        (view, _) = await site.StepAsync(Minute);
        AssertWithinLimits(view);
        Assert.Equal(8, view.Connectors.Count(c => c.Capability == LimitCapability.SmartCharging && !c.Paused));
        Assert.All(cars, c => Assert.Equal(view.Connectors.Single(a => a.ChargePointId == c.Id).Amps, c.TxLimit()));
    }

    [Fact]
    public async Task GrizzlECoreOnly_LimitedBySetCurrentInMilliamperes_NeverPausedBelow8A()
    {
        await using var site = await SiteAsync();
        var grizzl = site["LM19"];
        await grizzl.CallAsync("BootNotification", new { chargePointVendor = "United Chargers", chargePointModel = "Grizzl-E Smart" });
        var cars = site.Chargers.Take(12).Append(grizzl).ToList();
        foreach (var car in cars)
        {
            await car.StartAsync(site.Time.GetUtcNow());
        }

        var (view, _) = await site.StepAsync(Minute);

        var allocation = view.Connectors.Single(c => c.ChargePointId == "LM19");
        Assert.Equal(LimitCapability.ConfigurationKey, allocation.Capability);
        // 13 cars on 80 A: the adapter cannot pause, so its floor (8 A) comes first; the twelve others get their 6 A.
        Assert.Equal(8, allocation.Amps);
        Assert.False(allocation.Paused);
        Assert.Equal("8000", grizzl.Configuration["SetCurrent"]);
        Assert.Equal(0, grizzl.ProfilesReceived);
        AssertWithinLimits(view);
    }

    [Fact]
    public async Task StartTransaction_LimitsSentWithinOneSecondOfSimulatedTime()
    {
        await using var site = await SiteAsync();
        var car = site["LM05"];
        var start = site.Time.GetUtcNow();

        await car.StartAsync(start);
        for (var i = 0; i < 10 && car.TxLimit() is null; i++)
        {
            site.Time.Advance(TimeSpan.FromMilliseconds(100));
            for (var wait = 0; wait < 100 && car.TxLimit() is null; wait++)
            {
                await Task.Delay(10);
            }
        }

        Assert.Equal(32, car.TxLimit());
        Assert.True(site.Time.GetUtcNow() - start <= TimeSpan.FromSeconds(1));
        // The safe default: 80 A over 20 chargers is below the 6 A minimum, so 0.
        Assert.Equal(0, car.DefaultLimit());
    }
}
