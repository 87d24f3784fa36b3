using System.Diagnostics.Metrics;
using Levity.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Levity.Tests.Storage;

/// <summary>Starts a real <see cref="LevityStore"/> on a file.</summary>
public static class TestStore
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly IMeterFactory SharedMeterFactory = NewMeterFactory();

    /// <summary>A factory of its own, so a test's listener sees only its own store's instruments.</summary>
    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static LevityStore Create(string path, TimeProvider? time = null, Action<StoreOptions>? configure = null, IMeterFactory? meterFactory = null)
    {
        var options = new StoreOptions { DatabasePath = path };
        configure?.Invoke(options);
        return new LevityStore(
            Options.Create(options), time ?? new FakeTimeProvider(Epoch), NullLogger<LevityStore>.Instance, meterFactory ?? SharedMeterFactory);
    }

    public static async Task<LevityStore> StartAsync(
        string path, TimeProvider? time = null, Action<StoreOptions>? configure = null, IMeterFactory? meterFactory = null)
    {
        var store = Create(path, time, configure, meterFactory);
        await store.StartAsync(CancellationToken.None);
        return store;
    }

    public static MeterSample Energy(DateTimeOffset at, double wh) => new(at, wh, MeterSample.EnergyRegister, "Wh");

    public static MeterSample[] Samples(DateTimeOffset at, double wh) =>
    [
        Energy(at, wh),
        new(at, 16, "Current.Import", "A"),
        new(at, 230, "Voltage", "V", Phase: "L1"),
        new(at, 3680, "Power.Active.Import", "W"),
    ];
}
