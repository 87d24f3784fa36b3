using System.Net.Http.Json;
using Levity.Grains.Interfaces.LoadManagement;
using Levity.Grains.LoadManagement;
using Levity.Tests.Api;
using Levity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.LoadManagement;

/// <summary>
/// A real server (Kestrel, WebSockets, SQLite file, operator API) whose grains run on a fake clock
/// (Orleans' grain time key only: sockets, call timeouts and the store stay on real time), and a
/// site of simulated chargers. Time moves only when the simulation advances it.
/// </summary>
internal sealed class LoadSimulation : IAsyncDisposable
{
    public const double Limit = 80;
    private int _apiPort = Ports.Free();
    private LevityTestServer _server = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public OperatorApiClient Api { get; private set; } = null!;

    public List<SimulatedCharger> Chargers { get; } = [];

    public TimeSpan Rotation { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The most the obeying cars drew together at any 100 ms point while the site settled (mid-reallocation included).</summary>
    public double MostDrawnWhileSettling { get; private set; }

    public static async Task<LoadSimulation> StartAsync(IEnumerable<(string Id, ChargerBehaviour Behaviour)> chargers)
    {
        var simulation = new LoadSimulation();
        await simulation.StartServerAsync(null);
        simulation.Api = new OperatorApiClient(simulation._apiPort);
        foreach (var (id, behaviour) in chargers)
        {
            var charger = new SimulatedCharger(id, behaviour);
            await charger.ConnectAsync(simulation._server.WsBase);
            await charger.CallAsync("BootNotification", new { chargePointVendor = "Sim", chargePointModel = "S1" });
            await charger.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = "Available" });
            simulation.Chargers.Add(charger);
        }

        return simulation;
    }

    private async Task StartServerAsync(string? databasePath)
    {
        void Configure(Levity.Silo.Configuration.LevityOptions o) => o.ApiPort = _apiPort;
        void Services(IServiceCollection services)
        {
            services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Time);
            services.Configure<LoadManagementOptions>(o =>
            {
                o.Rotation = Rotation;
                o.Tick = TimeSpan.FromSeconds(30);
                o.OverdrawAfter = TimeSpan.FromMinutes(2);
            });
        }

        // A port found free can be taken before the server binds it (by the OCPP listener's own
        // port 0 among others): a first start tries another one, a restart tries again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (databasePath is null)
                {
                    _server = await LevityTestServer.StartAsync(configure: Configure, configureServices: Services);
                }
                else
                {
                    await _server.StartAsync(Configure, Services);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                if (databasePath is null)
                {
                    _apiPort = Ports.Free();
                }
                else
                {
                    await _server.StopAsync();
                    await Task.Delay(200);
                }
            }
        }
    }

    public SimulatedCharger this[string id] => Chargers.Single(c => c.Id == id);

    public async Task PutAsync(string path, object body)
    {
        using var response = await Api.Http.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<LoadGroupView> ViewAsync() =>
        _server.Services.GetRequiredService<IGrainFactory>().GetGrain<ILoadGroupGrain>("site").GetView();

    /// <summary>
    /// Advances the fake clock in 100 ms steps until the site has recomputed after <paramref name="since"/>
    /// and every charger that accepts profiles holds what the site allocated it.
    /// </summary>
    public async Task<LoadGroupView> SettleAsync(DateTimeOffset since)
    {
        LoadGroupView? view = null;
        for (var i = 0; i < 600; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
            var at = Time.GetUtcNow();
            MostDrawnWhileSettling = Math.Max(MostDrawnWhileSettling, Chargers.Where(c => c.Behaviour == ChargerBehaviour.Obey).Sum(c => c.Drawing(at)));
            view = await ViewAsync();
            if (view.ComputedAt >= since && Consistent(view))
            {
                return view;
            }
        }

        Assert.Fail($"The site did not settle: {System.Text.Json.JsonSerializer.Serialize(view)}; chargers: {string.Join(", ", Chargers.Select(c => $"{c.Id} tx {c.TransactionId} limit {c.TxLimit()}"))}");
        return view;
    }

    private bool Consistent(LoadGroupView view)
    {
        foreach (var charger in Chargers.Where(c => c.TransactionId is not null))
        {
            var allocation = view.Connectors.FirstOrDefault(a => a.ChargePointId == charger.Id);
            if (allocation is null || allocation.Capability == LimitCapability.Unknown)
            {
                return false;
            }

            if (allocation.Capability == LimitCapability.SmartCharging && !allocation.Overdrawing
                && charger.Behaviour is ChargerBehaviour.Obey or ChargerBehaviour.Ignore
                && (charger.TxLimit() is not { } limit || Math.Abs(limit - allocation.Amps) > 0.05))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One step: the chargers apply what the site decided while the clock moved (a rotation at a
    /// tick); every car charges for <paramref name="step"/> at its draw and reports it; the site
    /// settles; the clock moves on.
    /// </summary>
    public async Task<(LoadGroupView View, double Drawn)> StepAsync(TimeSpan step)
    {
        await SettleAsync(Time.GetUtcNow() - step);
        var now = Time.GetUtcNow();
        var drawn = 0.0;
        foreach (var charger in Chargers)
        {
            drawn += await charger.MeterAsync(now, step, 3);
        }

        var view = await SettleAsync(now);
        Time.Advance(step - (Time.GetUtcNow() - now));
        return (view, drawn);
    }

    /// <summary>Stops the server and starts it again on the same database, the cars still charging; chargers reconnect without booting.</summary>
    public async Task RestartAsync()
    {
        await _server.StopAsync();
        foreach (var charger in Chargers)
        {
            await charger.DisconnectAsync();
        }

        await StartServerAsync(_server.DatabasePath);
        foreach (var charger in Chargers)
        {
            await charger.ConnectAsync(_server.WsBase);
            await charger.CallAsync("StatusNotification", new { connectorId = 1, errorCode = "NoError", status = charger.TransactionId is null ? "Available" : "Charging" });
        }
    }

    public static double Jain(IReadOnlyCollection<double> values) =>
        values.Sum() * values.Sum() / (values.Count * values.Sum(v => v * v));

    public async ValueTask DisposeAsync()
    {
        foreach (var charger in Chargers)
        {
            await charger.DisposeAsync();
        }

        Api?.Dispose();
        await _server.DisposeAsync();
    }
}
